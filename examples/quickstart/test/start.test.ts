// `npm start` end to end: the emulator comes up, the demo prints the tenant's tree, and Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../../scripts/start.mjs", import.meta.url));

describe("npm start", () => {
  it("prints the demo topology, keeps serving, and exits 0 on Ctrl-C", async () => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, MIDONET_LISTEN: "127.0.0.1:0", MIDONET_START_SKIP_BUILD: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toContain("Press Ctrl-C to stop.");
    expect(output).toContain("tenant quickstart");
    expect(output).toContain("└─ port group web");

    const url = /keeps running at (\S+);/.exec(output)?.[1];
    const answer = await fetch(`${url}/bridges?tenant_id=quickstart`, { headers: { accept: "application/json" } });
    const bridges = (await answer.json()) as Array<{ name: string }>;
    expect(bridges.map((b) => b.name).sort()).toEqual(["backend", "frontend"]);

    child.kill("SIGINT");
    expect(await exited).toBe(0);
  }, 90_000);
});
