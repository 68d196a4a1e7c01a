#!/usr/bin/env node
/**
 * midonet-emulator --listen 127.0.0.1:8181 [--host-id UUID]... [--state FILE] [--auth mock|users:FILE]
 *   [--tls-cert FILE --tls-key FILE]
 * Prints `midonet-emulator ready at <url>` once it accepts requests; SIGTERM/SIGINT stop it cleanly (exit 0).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startEmulator } from "./emulator.js";
import type { AuthOptions } from "./options.js";

const USAGE =
  "usage: midonet-emulator [--listen HOST:PORT] [--host-id UUID]... [--state FILE] [--auth mock|users:FILE] [--tls-cert FILE --tls-key FILE] [--verbose]";

function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(value) ?? /^()()(\d+)$/.exec(value);
  if (!match) {
    throw new Error(`--listen expects HOST:PORT, got ${value}`);
  }
  return { host: match[1] || match[2] || "127.0.0.1", port: Number(match[3]) };
}

function parseAuth(value: string): AuthOptions {
  if (value === "mock") {
    return { mode: "mock" };
  }
  if (value.startsWith("users:") && value.length > "users:".length) {
    return { mode: "users", file: value.slice("users:".length) };
  }
  throw new Error(`--auth expects mock or users:FILE, got ${value}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      listen: { type: "string", default: "127.0.0.1:8181" },
      "host-id": { type: "string", multiple: true, default: [] },
      state: { type: "string" },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      auth: { type: "string", default: "mock" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { host, port } = parseListen(values.listen);
  if (Boolean(values["tls-cert"]) !== Boolean(values["tls-key"])) {
    throw new Error("--tls-cert and --tls-key go together");
  }
  const tls =
    values["tls-cert"] && values["tls-key"]
      ? { cert: readFileSync(values["tls-cert"]), key: readFileSync(values["tls-key"]) }
      : undefined;
  const emulator = await startEmulator({
    host,
    port,
    hosts: values["host-id"],
    statePath: values.state,
    tls,
    auth: parseAuth(values.auth),
    logger: values.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  process.stdout.write(`midonet-emulator ready at ${emulator.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`midonet-emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(1);
});
