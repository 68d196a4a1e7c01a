// The README's "Five-minute tour" works when pasted: its emulator command starts @midonet/emulator through the
// package's bin, and its JavaScript, saved as tour.js in a folder where `@midonet/client` resolves to this package
// (built), runs with node against it and prints what the README says.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const run = promisify(execFile);
const pkg = resolve(import.meta.dirname, "..");
const readme = readFileSync(join(pkg, "README.md"), "utf8");

/** The fenced blocks of one `## ` section, in order, with their language. */
function blocks(section: string): { lang: string; code: string }[] {
  const start = readme.indexOf(`## ${section}\n`);
  expect(start, `README section "${section}"`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n## ", start + 1);
  const text = readme.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] ?? "", code: m[2] ?? "" }));
}

const tour = blocks("Five-minute tour");
const shell = tour.filter((b) => b.lang === "sh").map((b) => b.code);
const script = tour.find((b) => b.lang === "js")?.code ?? "";
const printed = tour.find((b) => b.lang === "text")?.code ?? "";

let folder: string;
let emulator: ChildProcess | undefined;
let url: string;

beforeAll(async () => {
  if (!existsSync(join(pkg, "dist/index.js"))) {
    execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build"], { cwd: pkg, stdio: "pipe" });
  }
  // What `npx @midonet/emulator --listen HOST:PORT` runs: the package's only bin. Port 0 instead of the README's
  // fixed one, so the test never collides with an emulator the developer has running.
  const [name, ...args] = (shell[0] ?? "").trim().replace(/^npx /, "").split(/\s+/);
  const manifestPath = createRequire(import.meta.url).resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: Record<string, string> };
  const bins = Object.values(manifest.bin);
  expect(bins).toHaveLength(1);
  const listen = args.indexOf("--listen");
  args[listen + 1] = (args[listen + 1] ?? "").replace(/:\d+$/, ":0");
  emulator = spawn(process.execPath, [join(dirname(manifestPath), bins[0] as string), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [line] = (await once(createInterface({ input: emulator.stdout as NodeJS.ReadableStream }), "line")) as [string];
  url = line.replace(/^midonet-emulator ready at /, "");

  // The folder of the tour: `npm init -y && npm pkg set type=module`, and `npm install @midonet/client` resolving to
  // this package.
  folder = mkdtempSync(join(tmpdir(), "midonet-client-tour-"));
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "tour", type: "module" }));
  mkdirSync(join(folder, "node_modules/@midonet"), { recursive: true });
  symlinkSync(pkg, join(folder, "node_modules/@midonet/client"), "dir");
  writeFileSync(join(folder, "tour.js"), script);
}, 120_000);

afterAll(async () => {
  if (emulator && emulator.exitCode === null) {
    const exited = once(emulator, "exit");
    emulator.kill("SIGTERM");
    await exited;
  }
  if (folder) {
    rmSync(folder, { recursive: true, force: true });
  }
});

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

describe("the README's five-minute tour", () => {
  test("starts the emulator with the package's bin and installs the client by its package name", () => {
    expect(shell[0]?.trim()).toBe("npx @midonet/emulator --listen 127.0.0.1:8181");
    expect(shell[1]?.split("\n")).toContain("npm install @midonet/client");
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/midonet-api$/);
  });

  test("defaults to the URL of the emulator command when MIDONET_URL is not set", () => {
    expect(script).toContain('process.env.MIDONET_URL ?? "http://127.0.0.1:8181/midonet-api"');
  });

  test("runs with node, exits 0 and prints the lines the README shows", async () => {
    const { stdout, stderr } = await run(process.execPath, ["tour.js"], {
      cwd: folder,
      env: { ...process.env, MIDONET_URL: url },
      timeout: 60_000,
    });
    expect(stderr).toBe("");
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    const [created, listed, renamed, notFound, left] = lines;
    const id = /^created (\S+) /.exec(created ?? "")?.[1];
    expect(created).toMatch(new RegExp(`^created ${UUID} ${url}/bridges/${id}$`));
    expect(listed).toBe("bridges of tour: [ 'tour-br' ]");
    expect(renamed).toBe("renamed to tour-br-2");
    expect(notFound).toMatch(new RegExp(`^404 There is no Network with ID ${UUID}\\.$`));
    expect(left).toBe("left: 0");
    // The README's sample output has the same lines, ids shortened.
    const shown = printed.trimEnd().split("\n");
    expect(shown.slice(1, 3)).toEqual([listed, renamed]);
    expect(shown[4]).toBe(left);
    expect(shown.map((l) => l.split(" ")[0])).toEqual(lines.map((l) => l.split(" ")[0]));
  });
});
