// Retries, timeouts and aborts against @midonet/emulator, with its fault injection (errors, latency, dropped
// connections) on the paths below the API root.
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  createClient,
  type MidoNetClient,
  NetworkError,
  type RetryEvent,
  TimeoutError,
  UnavailableError,
} from "../src/index.js";

let backend: RunningEmulator;

beforeAll(async () => {
  backend = await startEmulator();
});
afterEach(() => backend.faults.clear());
afterAll(() => backend.close());

describe("retries", () => {
  test("a GET is retried on 503 and succeeds, with onRetry told why", async () => {
    const retries: RetryEvent[] = [];
    const client = createClient({
      baseUrl: backend.url,
      retry: { baseDelay: 1 },
      hooks: { onRetry: (e) => retries.push(e) },
    });
    backend.faults.add({ kind: "error", status: 503, method: "GET", path: "^/bridges$", times: 2 });
    await expect(client.bridges.list()).resolves.toBeInstanceOf(Array);
    expect(retries.map((r) => r.reason)).toEqual([503, 503]);
  });

  test("502 and 504 are retried too; after the limit the call fails with UnavailableError", async () => {
    const client = createClient({ baseUrl: backend.url, retry: { limit: 1, baseDelay: 1 } });
    backend.faults.add({ kind: "error", status: 504, method: "GET", path: "^/bridges$" });
    const error = (await client.bridges.list().catch((e: unknown) => e)) as UnavailableError;
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error.status).toBe(504);
  });

  test("Retry-After (and MidoNet's RetryAfter) sets the delay", async () => {
    const delays: number[] = [];
    const client = createClient({ baseUrl: backend.url, hooks: { onRetry: (e) => delays.push(e.delayMs) } });
    backend.faults.add({ kind: "error", status: 503, retryAfter: 1, method: "GET", path: "^/bridges$", times: 1 });
    const started = Date.now();
    await client.bridges.list();
    expect(delays).toEqual([1000]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  const idempotency: {
    method: string;
    outcome: string;
    attempts: number[];
    call: (c: MidoNetClient, id: string) => Promise<unknown>;
  }[] = [
    { method: "GET", outcome: "is retried and succeeds", attempts: [0, 1], call: (c, id) => c.bridges.get(id) },
    {
      method: "PUT",
      outcome: "is retried and succeeds",
      attempts: [0, 1],
      call: (c, id) => c.bridges.update(id, { name: "again" }),
    },
    { method: "DELETE", outcome: "is retried and succeeds", attempts: [0, 1], call: (c, id) => c.bridges.delete(id) },
    {
      method: "POST",
      outcome: "is not retried: the call fails with UnavailableError",
      attempts: [0],
      call: (c) => c.bridges.create({ name: "once" }),
    },
  ];
  test.each(idempotency)("a $method answered 503 once $outcome", async ({ method, attempts, call }) => {
    const seen: number[] = [];
    const client = createClient({
      baseUrl: backend.url,
      retry: { baseDelay: 1 },
      hooks: { onRequest: (e) => e.method === method && seen.push(e.attempt) },
    });
    const { id } = await client.bridges.create({ name: "target" });
    seen.length = 0;
    backend.faults.add({ kind: "error", status: 503, method, path: "^/bridges", times: 1 });
    const outcome = call(client, id);
    if (attempts.length > 1) {
      await expect(outcome).resolves.not.toBeInstanceOf(Error);
    } else {
      await expect(outcome).rejects.toBeInstanceOf(UnavailableError);
    }
    expect(seen).toEqual(attempts);
  });

  test("dropped connections are network errors, retried for GET", async () => {
    const client = createClient({ baseUrl: backend.url, retry: { baseDelay: 1 } });
    backend.faults.add({ kind: "drop", method: "GET", path: "^/bridges$", times: 1 });
    await expect(client.bridges.list()).resolves.toBeInstanceOf(Array);
    backend.faults.add({ kind: "drop", method: "GET", path: "^/bridges$" });
    await expect(client.bridges.list()).rejects.toBeInstanceOf(NetworkError);
  });

  test("connection refused is a NetworkError with the URL", async () => {
    const { createServer } = await import("node:net");
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise((resolve) => probe.close(resolve));
    const client = createClient({ baseUrl: `http://127.0.0.1:${port}/midonet-api`, retry: { limit: 1, baseDelay: 1 } });
    const error = (await client.bridges.list().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.url).toBe(`http://127.0.0.1:${port}/midonet-api/bridges`);
    expect(error.message).toContain("ECONNREFUSED");
  });
});

describe("timeouts and aborts", () => {
  test("the per-request timeout fails a slow attempt with TimeoutError(scope request)", async () => {
    const client = createClient({ baseUrl: backend.url, timeout: 100, retry: false });
    backend.faults.add({ kind: "latency", latencyMs: 500, method: "GET", path: "^/bridges$" });
    const error = (await client.bridges.list().catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ scope: "request", timeoutMs: 100, method: "GET" });
  });

  test("totalTimeout bounds the call including retries", async () => {
    const client = createClient({ baseUrl: backend.url, totalTimeout: 300, retry: { limit: 10, baseDelay: 200 } });
    backend.faults.add({ kind: "error", status: 503, method: "GET", path: "^/bridges$" });
    const started = Date.now();
    const error = (await client.bridges.list().catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.scope).toBe("total");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("an AbortSignal aborts the call with its reason", async () => {
    const client = createClient({ baseUrl: backend.url });
    backend.faults.add({ kind: "latency", latencyMs: 2000, method: "GET", path: "^/bridges$" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await expect(client.bridges.list(undefined, { signal: controller.signal })).rejects.toThrow("stop");
  });
});
