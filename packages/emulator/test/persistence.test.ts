// --state FILE: every acknowledged change survives a restart or a kill -9; a torn journal tail is ignored.
import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spawnCli } from "./cli-process.js";
import { call, JSON_HEADERS, TestEmulator, uuid } from "./helpers.js";

const statePath = () => join(mkdtempSync(join(tmpdir(), "emu-state-")), "state.json");

async function names(emu: TestEmulator): Promise<string[]> {
  return (await emu.api("GET", "/bridges")).json.map((b: any) => b.name).sort();
}

describe("persistence", () => {
  it("a restart keeps every acknowledged create, update and delete", async () => {
    const path = statePath();
    const first = await TestEmulator.start({ statePath: path });
    const a = await first.createBridge({ name: "a" });
    const b = await first.createBridge({ name: "b" });
    await first.api("PUT", `/bridges/${a}`, { body: { name: "a2" } });
    await first.api("DELETE", `/bridges/${b}`);
    await first.createBridge({ name: "c" });
    await first.close();

    const second = await TestEmulator.start({ statePath: path });
    expect(await names(second)).toEqual(["a2", "c"]);
    await second.close();
  });

  it("a torn or corrupt journal tail is ignored and later writes still persist", async () => {
    const path = statePath();
    const first = await TestEmulator.start({ statePath: path });
    await first.createBridge({ name: "kept" });
    await first.close();
    appendFileSync(`${path}.journal`, '00000000 {"seq":99,"changes":[["Network","x",{"id":"x","name":"bad"}]]}\n');
    appendFileSync(`${path}.journal`, '1234abcd {"seq":100,"chan');

    const second = await TestEmulator.start({ statePath: path });
    expect(await names(second)).toEqual(["kept"]);
    await second.createBridge({ name: "after" });
    await second.close();

    const third = await TestEmulator.start({ statePath: path });
    expect(await names(third)).toEqual(["after", "kept"]);
    await third.close();
  });

  it("compaction rewrites the snapshot and empties the journal without losing anything", async () => {
    const path = statePath();
    const emu = await TestEmulator.start({ statePath: path, journal: { compactMinBytes: 2048 } });
    for (let i = 0; i < 60; i++) {
      await emu.createBridge({ name: `n${String(i).padStart(2, "0")}` });
    }
    await emu.close();
    expect(existsSync(path)).toBe(true);
    expect(JSON.parse(readFileSync(path, "utf8")).format).toBe("midonet-emulator-snapshot");
    expect(statSync(`${path}.journal`).size).toBeLessThan(statSync(path).size);
    const again = await TestEmulator.start({ statePath: path });
    expect(await names(again)).toHaveLength(60);
    await again.close();
  });

  it("kill -9 of a child process under load loses nothing acknowledged", async () => {
    const path = statePath();
    const { child, url, exited } = await spawnCli(["--listen", "127.0.0.1:0", "--state", path]);
    const root = new URL(url).pathname;
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const id = uuid(w * 100000 + i);
        try {
          const res = await call(url, "POST", `${root}/bridges`, { headers: JSON_HEADERS, body: { id, name: id } });
          if (res.status === 201) {
            acknowledged.push(id);
          }
        } catch {
          return;
        }
      }
    };
    const workers = Array.from({ length: 8 }, (_, w) => worker(w + 1));
    while (acknowledged.length < 200) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill("SIGKILL");
    stop = true;
    await Promise.all(workers);
    await exited;

    const emu = await TestEmulator.start({ statePath: path });
    const stored = new Set((await emu.api("GET", "/bridges")).json.map((b: any) => b.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    await emu.close();
  });
});
