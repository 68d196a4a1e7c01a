import { beforeEach, describe, expect, it } from "vitest";
import { call, TestEmulator } from "./helpers.js";

const emu = TestEmulator.forSuite({
  faults: [{ id: "initial", kind: "error", status: 500, path: "^/routers", times: 1 }],
});
beforeEach(() => {
  emu.emulator.faults.clear();
});

describe("fault injection", () => {
  it("initial rules come from startEmulator", async () => {
    const fresh = await TestEmulator.start({ faults: [{ kind: "error", status: 500, path: "^/bridges$", times: 1 }] });
    expect((await fresh.api("GET", "/bridges")).status).toBe(500);
    expect((await fresh.api("GET", "/bridges")).status).toBe(200);
    await fresh.close();
  });

  const kinds = [
    { rule: { kind: "error" as const }, status: 503 },
    { rule: { kind: "error" as const, status: 502 as const }, status: 502 },
    { rule: { kind: "error" as const, status: 503 as const, retryAfter: 7 }, status: 503, retryAfter: "7" },
  ];
  it.each(kinds)("error rule $rule answers $status with MidoNet's error body", async (c) => {
    emu.emulator.faults.add(c.rule);
    const res = await emu.api("GET", "/bridges");
    expect(res.status).toBe(c.status);
    expect(res.json.code).toBe(c.status);
    expect(res.headers["retry-after"]).toBe(c.retryAfter);
    expect(res.headers.retryafter).toBe(c.retryAfter);
  });

  it("latency delays the answer", async () => {
    emu.emulator.faults.add({ kind: "latency", latencyMs: 150 });
    const started = Date.now();
    expect((await emu.api("GET", "/bridges")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("drop closes the connection without a response", async () => {
    emu.emulator.faults.add({ kind: "drop", method: "GET" });
    await expect(emu.api("GET", "/bridges")).rejects.toThrow();
    emu.emulator.faults.clear();
    expect((await emu.api("GET", "/bridges")).status).toBe(200);
  });

  it("method and path filters select the requests", async () => {
    emu.emulator.faults.add({ kind: "error", method: "POST", path: "^/bridges$" });
    expect((await emu.api("GET", "/bridges")).status).toBe(200);
    expect((await emu.api("GET", "/system_state")).status).toBe(200);
    expect((await emu.api("POST", "/bridges", { body: {} })).status).toBe(503);
  });

  it("times stops a rule after that many triggers", async () => {
    emu.emulator.faults.add({ kind: "error", times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await emu.api("GET", "/bridges")).status);
    }
    expect(statuses).toEqual([503, 503, 200, 200]);
    expect(emu.emulator.faults.list()).toEqual([]);
  });

  it("rate applies the rule to about that share of requests", async () => {
    emu.emulator.faults.add({ kind: "error", rate: 0.5 });
    let errors = 0;
    for (let i = 0; i < 200; i++) {
      if ((await emu.api("GET", "/system_state")).status === 503) {
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(60);
    expect(errors).toBeLessThan(140);
  });

  it("faults never apply to the control endpoints", async () => {
    emu.emulator.faults.add({ kind: "error" });
    expect((await emu.raw("GET", "/_emulator/health")).status).toBe(200);
  });

  it("the control endpoint adds, lists, removes and clears rules", async () => {
    const control = (method: string, path = "", body?: unknown) =>
      call(emu.url, method, `/_emulator/faults${path}`, { body, headers: { "content-type": "application/json" } });
    const added = await control("POST", "", { kind: "error", status: 504, path: "^/system_state" });
    expect(added.status).toBe(201);
    expect(typeof added.json.id).toBe("string");
    expect((await emu.api("GET", "/system_state")).status).toBe(504);
    expect((await control("GET")).json).toHaveLength(1);
    expect((await control("DELETE", `/${added.json.id}`)).status).toBe(204);
    expect((await control("DELETE", `/${added.json.id}`)).status).toBe(404);
    expect((await emu.api("GET", "/system_state")).status).toBe(200);
    await control("POST", "", { kind: "drop" });
    expect((await control("DELETE")).status).toBe(204);
    expect((await control("GET")).json).toEqual([]);
    expect((await control("POST", "", { kind: "explode" })).status).toBe(400);
  });
});
