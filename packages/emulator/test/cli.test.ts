import { describe, expect, it } from "vitest";
import { spawnCli } from "./cli-process.js";
import { call, uuid } from "./helpers.js";

describe("midonet-emulator command", () => {
  it("prints the ready line, serves the API and its hosts, and exits 0 on SIGTERM", async () => {
    const { child, url, exited } = await spawnCli(["--listen", "127.0.0.1:0", "--host-id", uuid(1)]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/midonet-api$/);
    const root = await call(url, "GET", `${new URL(url).pathname}/`, { headers: { accept: "application/json" } });
    expect(root.status).toBe(200);
    expect(root.json.uri).toBe(`${url}/`);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("exits 0 on SIGINT too", async () => {
    const { child, exited } = await spawnCli(["--listen", "127.0.0.1:0"]);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("refuses a bad --auth value with exit 1", async () => {
    await expect(spawnCli(["--listen", "127.0.0.1:0", "--auth", "ldap"])).rejects.toThrow(/exited with 1/);
  });
});
