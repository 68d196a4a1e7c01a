// npm run bench: 2,000 sequential GETs through the client vs global fetch vs undici.request, then 1,000 creates with
// concurrency 16, against @midonet/emulator in a child process (bench/server.ts). Uses the built package (dist/).
// Last line: RESULT client get_ratio_vs_fetch=... create_rps=...
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { request } from "undici";

const { createClient } = (await import("../dist/index.js")) as typeof import("../src/index.js");

const N = 2000;
const WARMUP = 200;
const server = spawn(process.execPath, ["--import", "tsx", new URL("./server.ts", import.meta.url).pathname], {
  stdio: ["ignore", "pipe", "inherit"],
});
const [url] = (await once(createInterface({ input: server.stdout }), "line")) as [string];

const client = createClient({ baseUrl: url });
const bridge = await client.bridges.create({ name: "bench", tenantId: "bench" });
const itemUrl = `${url}/bridges/${bridge.id}`;
const accept = "application/vnd.org.midonet.Bridge-v5+json";

const runners: Record<string, () => Promise<unknown>> = {
  fetch: async () => (await fetch(itemUrl, { headers: { accept } })).json(),
  "undici.request": async () => (await request(itemUrl, { headers: { accept } })).body.json(),
  client: () => client.bridges.get(bridge.id),
};

// Interleaved: every runner does a slice of its calls in turn, so drift of the machine (CPU frequency, GC, the
// server warming up) spreads over all of them instead of favouring the one that ran last.
const SLICES = 10;
const totals: Record<string, number> = {};
const samples: Record<string, number[]> = {};
for (const [name, run] of Object.entries(runners)) {
  for (let i = 0; i < WARMUP; i++) {
    await run();
  }
  totals[name] = 0;
  samples[name] = [];
}
for (let slice = 0; slice < SLICES; slice++) {
  for (const [name, run] of Object.entries(runners)) {
    const started = performance.now();
    for (let i = 0; i < N / SLICES; i++) {
      const t = performance.now();
      await run();
      samples[name]?.push(performance.now() - t);
    }
    totals[name] = (totals[name] ?? 0) + performance.now() - started;
  }
}

console.log(`server: @midonet/emulator at ${url} (own process); node ${process.version}`);
const p50 = (name: string) => {
  const s = (samples[name] ?? []).sort((a, b) => a - b);
  return (s[s.length >> 1] ?? 0) * 1000;
};
for (const name of Object.keys(runners)) {
  console.log(
    `${name.padEnd(15)} ${N} GETs ${(totals[name] ?? 0).toFixed(0).padStart(6)} ms  p50 ${p50(name).toFixed(0)} µs`,
  );
}
const ratio = (totals.client ?? 0) / (totals.fetch ?? 1);
console.log(`client vs fetch: ${ratio.toFixed(3)}x (limit 1.3x)`);

const CREATES = 1000;
const CONCURRENCY = 16;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < CREATES) {
      next++;
      await client.bridges.create({ name: `bench-${next}`, tenantId: "bench-create" });
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const rps = CREATES / seconds;
console.log(`${CREATES} creates (POST + GET Location), concurrency ${CONCURRENCY}: ${seconds.toFixed(2)} s`);
server.kill("SIGTERM");
console.log(`RESULT client get_ratio_vs_fetch=${ratio.toFixed(3)} create_rps=${rps.toFixed(0)}`);
