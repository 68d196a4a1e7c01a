/**
 * The machine's network interfaces in MidoNet's Interface shape (reference §9.14), read at call time from
 * /sys/class/net and os.networkInterfaces() so that interfaces created later (veths of a test) appear.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { networkInterfaces } from "node:os";
import type { InterfaceSpec } from "../options.js";

const SYS_NET = "/sys/class/net";

function read(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
}

export function systemInterfaces(): InterfaceSpec[] {
  const addresses = networkInterfaces();
  const names = existsSync(SYS_NET) ? readdirSync(SYS_NET) : Object.keys(addresses);
  return names.sort().map((name) => {
    const base = `${SYS_NET}/${name}`;
    const flags = Number.parseInt(read(`${base}/flags`) ?? "0", 16);
    const carrier = read(`${base}/carrier`) === "1";
    const physical = existsSync(`${base}/device`);
    const loopback = name === "lo" || (flags & 0x8) !== 0;
    const fromOs = addresses[name] ?? [];
    const mac = read(`${base}/address`) ?? fromOs[0]?.mac ?? null;
    return {
      name,
      mac: mac === "" ? null : mac,
      mtu: Number(read(`${base}/mtu`) ?? "1500"),
      type: physical ? "Physical" : "Virtual",
      endpoint: loopback ? "LOCALHOST" : physical ? "PHYSICAL" : "UNKNOWN",
      portType: null,
      addresses: fromOs.map((a) => a.address),
      // Bit 0: up, bit 1: has link (MidoNet's Interface.status).
      status: ((flags & 0x1) !== 0 ? 1 : 0) | (carrier || loopback ? 2 : 0),
    } satisfies InterfaceSpec;
  });
}
