/**
 * npm run bench: the emulator in a child process, load from this process over keep-alive HTTP/1.1.
 * 1. load 10,000 bridges; 2. GET /bridges/{id} for a few seconds at concurrency 16; 3. POST /bridges the same way;
 * then the child's RSS. Prints absolute figures next to the targets, and a last line
 * `RESULT emulator get_rps=... post_rps=... p99_ms=... rss_mb=...`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const CONCURRENCY = 16;
const OBJECTS = 10_000;
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 5000);
const TARGETS = { getRps: 2000, postRps: 1000, p99Ms: 10, rssMb: 200 };

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const built = join(packageDir, "dist", "cli.js");
  const args = existsSync(built) ? [built] : ["--import", "tsx", join(packageDir, "src", "cli.ts")];
  const child = spawn(process.execPath, [...args, "--listen", "127.0.0.1:0"], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (\S+)/.exec(output);
      if (match) {
        resolve({ child, url: match[1]! });
      }
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function send(url: string, method: string, body?: string): Promise<{ status: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: body
          ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) }
          : { accept: "application/json" },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function runPhase(
  name: string,
  op: (i: number) => Promise<number>,
  durationMs = PHASE_MS,
  /** Requests per second for all workers together; unpaced (as fast as possible) when absent. */
  rate?: number,
): Promise<{ rps: number; p99: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      const interval = rate ? (1000 * CONCURRENCY) / rate : 0;
      for (let k = 0; performance.now() < deadline; k++) {
        const due = started + worker * (interval / CONCURRENCY) + k * interval;
        const wait = due - performance.now();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        const t0 = performance.now();
        const status = await op(counter++);
        latencies.push(performance.now() - t0);
        if (status >= 400) {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  const rps = latencies.length / seconds;
  console.log(
    `${name}: ${latencies.length} requests in ${seconds.toFixed(1)}s = ${rps.toFixed(0)} req/s, ` +
      `p50 ${pct(0.5).toFixed(2)} ms, p99 ${pct(0.99).toFixed(2)} ms, max ${pct(1).toFixed(2)} ms, errors ${errors}`,
  );
  return { rps, p99: pct(0.99) };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function main(): Promise<void> {
  const { child, url } = await startServer();
  try {
    const ids: string[] = [];
    let next = 0;
    const loadStart = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < OBJECTS) {
          const n = next++;
          const res = await send(
            `${url}/bridges`,
            "POST",
            JSON.stringify({ name: `bench-${n}`, tenantId: `t${n % 10}` }),
          );
          ids.push(String(res.location).split("/").pop()!);
        }
      }),
    );
    console.log(
      `loaded ${ids.length} bridges in ${((performance.now() - loadStart) / 1000).toFixed(1)}s, server RSS ${rssMb(child.pid!).toFixed(1)} MB`,
    );
    // Warm-up (JIT, GC after the load), not measured.
    await runPhase(
      "warm-up GET",
      async (i) => (await send(`${url}/bridges/${ids[i % ids.length]}`, "GET")).status,
      1000,
    );
    const getOp = async (i: number) => (await send(`${url}/bridges/${ids[i % ids.length]}`, "GET")).status;
    const postOp = async (i: number) =>
      (await send(`${url}/bridges`, "POST", JSON.stringify({ name: `p-${i}` }))).status;
    // Latency at the target rates, 16 workers, with the 10,000 objects loaded: the p99 the targets speak of.
    const getPaced = await runPhase(`GET /bridges/{id} at ${TARGETS.getRps}/s`, getOp, PHASE_MS, TARGETS.getRps);
    const postPaced = await runPhase(`POST /bridges at ${TARGETS.postRps}/s`, postOp, PHASE_MS, TARGETS.postRps);
    // Throughput: as fast as 16 workers go (the CPU is shared with this load generator, so latency here is queueing).
    const get = await runPhase("GET /bridges/{id} (saturation)", getOp);
    const post = await runPhase("POST /bridges (saturation)", postOp);
    const rss = rssMb(child.pid!);
    const p99 = Math.max(getPaced.p99, postPaced.p99);
    // Reported against the target: the RSS at the end, when the store holds the 10,000 objects plus every POST above.
    console.log(`server RSS at the end ${rss.toFixed(1)} MB`);
    console.log(
      `targets: get_rps >= ${TARGETS.getRps}, post_rps >= ${TARGETS.postRps}, p99_ms < ${TARGETS.p99Ms}, rss_mb < ${TARGETS.rssMb} (concurrency ${CONCURRENCY}, ${OBJECTS} objects)`,
    );
    console.log(
      `RESULT emulator get_rps=${get.rps.toFixed(0)} post_rps=${post.rps.toFixed(0)} p99_ms=${p99.toFixed(2)} rss_mb=${rss.toFixed(1)}`,
    );
  } finally {
    child.kill("SIGTERM");
    agent.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
