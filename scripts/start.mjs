#!/usr/bin/env node
// `npm start`: builds the emulator, the client and the quickstart, starts the emulator on 127.0.0.1:8181 (override
// with MIDONET_LISTEN=host:port; port 0 picks a free one), runs the quickstart against it and keeps the emulator
// running until Ctrl-C.
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

// The quickstart's own test sets MIDONET_START_SKIP_BUILD: turbo has built everything before running it.
const build = process.env.MIDONET_START_SKIP_BUILD ? { status: 0 } : spawnSync(
  "npx",
  ["turbo", "run", "build", "--filter=@midonet/example-quickstart...", "--output-logs=errors-only"],
  { cwd: root, stdio: "inherit", env },
);
if (build.status !== 0) {
  process.exit(build.status ?? 1);
}

const [host, port] = (process.env.MIDONET_LISTEN ?? "127.0.0.1:8181").split(":");
const { startEmulator } = await import("@midonet/emulator");
let emulator;
try {
  emulator = await startEmulator({ host, port: Number(port), hosts: [{ id: randomUUID(), interfaces: "system" }] });
} catch (error) {
  console.error(`Cannot start the emulator on ${host}:${port}: ${error.message}`);
  console.error("Set MIDONET_LISTEN=127.0.0.1:<free port> to use another port.");
  process.exit(1);
}
console.log(`MidoNet emulator listening at ${emulator.url}\n`);

// The emulator serves from this process, so the demo must run beside it, not block it.
const demo = spawn("npx", ["tsx", "src/main.ts"], {
  cwd: `${root}/examples/quickstart`,
  stdio: "inherit",
  env: { ...env, MIDONET_URL: emulator.url },
});
const [code] = await once(demo, "exit");
if (code !== 0) {
  await emulator.close();
  process.exit(code ?? 1);
}

console.log(`\nThe emulator keeps running at ${emulator.url}; try:`);
console.log(`  curl -s ${emulator.url}/ | head`);
console.log(`  curl -s '${emulator.url}/bridges?tenant_id=quickstart'`);
console.log("Press Ctrl-C to stop.");
const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
