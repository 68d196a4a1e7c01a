import { describe, expect, test } from "vitest";
import { debugFromEnv } from "../src/index.js";
import { backoffDelay, retryAfterSeconds } from "../src/retry/backoff.js";

describe("debugFromEnv", () => {
  test.each([
    [{ DEBUG: "midonet:*" }, true],
    [{ DEBUG: "express,midonet:http" }, true],
    [{ DEBUG: "*" }, true],
    [{ MIDONET_DEBUG: "1" }, true],
    [{ DEBUG: "express" }, false],
    [{}, false],
  ])("%j -> %s", (env, on) => {
    expect(debugFromEnv(env)).toBe(on);
  });
});

describe("backoff", () => {
  test("full jitter stays below min(max, base * 2^attempt)", () => {
    expect(backoffDelay(3, 100, 10_000, () => 0.999)).toBe(799);
    expect(backoffDelay(10, 100, 1000, () => 0.5)).toBe(500);
    expect(backoffDelay(0, 100, 1000, () => 0)).toBe(0);
  });

  test("Retry-After in seconds or as a date, and MidoNet's RetryAfter", () => {
    expect(retryAfterSeconds(new Headers({ "Retry-After": "3" }))).toBe(3);
    expect(retryAfterSeconds(new Headers({ RetryAfter: "2" }))).toBe(2);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterSeconds(new Headers({ "Retry-After": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5);
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });
});
