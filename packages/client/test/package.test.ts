// Packs the tarball, installs it into an empty project offline (ky comes from the npm cache), and both require()s
// and imports it to make one call. Needs dist/ (the turbo `test` task depends on `build`).
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const run = promisify(execFile);
const pkg = resolve(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let project: string;
let server: RunningEmulator;

beforeAll(async () => {
  if (!existsSync(join(pkg, "dist/index.cjs"))) {
    execFileSync(npm, ["run", "build"], { cwd: pkg, stdio: "pipe" });
  }
  server = await startEmulator();
  project = mkdtempSync(join(tmpdir(), "midonet-client-consumer-"));
  const packed = execFileSync(npm, ["pack", "--pack-destination", project, "--silent"], { cwd: pkg, encoding: "utf8" });
  const tarball = join(project, packed.trim().split("\n").at(-1) as string);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  await run(npm, ["install", tarball, "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], {
    cwd: project,
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (project) {
    rmSync(project, { recursive: true, force: true });
  }
});

const script = (load: string) => `
${load}
const client = createClient({ baseUrl: process.env.MIDONET_URL });
client.bridges.create({ name: "packed" }).then(async (b) => {
  const again = await client.bridges.get(b.id);
  console.log(JSON.stringify({ name: again.name, isError: new NotFoundError("x", { method: "GET", url: "u" }) instanceof Error }));
});
`;

describe("the packed package", () => {
  test("installs with ky as its only dependency", () => {
    expect(
      readdirSync(join(project, "node_modules"))
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(["@midonet", "ky"]);
  });

  test.each([
    ["require (CJS, ky bundled)", "main.cjs", 'const { createClient, NotFoundError } = require("@midonet/client");'],
    ["import (ESM)", "main.mjs", 'import { createClient, NotFoundError } from "@midonet/client";'],
  ])("%s makes a call", async (_, file, load) => {
    writeFileSync(join(project, file), script(load));
    const { stdout } = await run(process.execPath, [file], {
      cwd: project,
      env: { ...process.env, MIDONET_URL: server.url },
    });
    expect(JSON.parse(stdout)).toEqual({ name: "packed", isError: true });
  });
});
