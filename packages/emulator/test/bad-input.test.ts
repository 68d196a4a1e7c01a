// Bad input never crashes or hangs the emulator and never changes the store (reference §4 JSON mapping errors, §6).
import { beforeAll, describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();
let bridgeId: string;
beforeAll(async () => {
  bridgeId = await emu.createBridge({ name: "keep", tenantId: "t" });
});

async function snapshot(): Promise<string> {
  return (await emu.api("GET", "/bridges")).text;
}

describe("bad input", () => {
  const big = `{"name":"${"x".repeat(1024 * 1024 + 10)}"}`;
  const cases = [
    { ref: "§4 malformed JSON", method: "POST", path: "/bridges", body: "{not json", status: 400 },
    { ref: "§4 empty body", method: "POST", path: "/bridges", body: "", status: 400 },
    { ref: "§4 JSON array for an object", method: "POST", path: "/bridges", body: "[1,2]", status: 400 },
    { ref: "§4 JSON string for an object", method: "POST", path: "/bridges", body: '"bridge"', status: 400 },
    { ref: "§4 wrong type", method: "POST", path: "/bridges", body: '{"adminStateUp":"maybe"}', status: 400 },
    { ref: "§4 wrong type in list", method: "POST", path: "/bridges", body: '{"inboundMirrorIds":"x"}', status: 400 },
    { ref: "§4 invalid UUID in body", method: "POST", path: "/bridges", body: '{"id":"123"}', status: 400 },
    {
      ref: "transport gzip body that is not gzip (no crash, no hang)",
      method: "POST",
      path: "/bridges",
      body: "not gzip",
      headers: { "content-encoding": "gzip" },
      status: 400,
      message: "The request body is not valid gzip data",
    },
    {
      ref: "§4 nesting deeper than Jackson's limit (not a stack overflow)",
      method: "POST",
      path: "/bridges",
      body: `{"x":${"[".repeat(20_000)}${"]".repeat(20_000)}}`,
      status: 400,
      message: "Document nesting depth (1001) exceeds the maximum allowed (1000)",
    },
    {
      ref: "§6 size violation",
      method: "POST",
      path: "/bridges",
      body: `{"name":"${"n".repeat(256)}"}`,
      status: 400,
      violations: [{ property: "name", message: "size must be between 0 and 255" }],
    },
    { ref: "transport 1 MiB limit", method: "POST", path: "/bridges", body: big, status: 413 },
    { ref: "§4 malformed JSON on PUT", method: "PUT", path: "/bridges/{id}", body: "{", status: 400 },
    { ref: "§4 wrong type on PUT", method: "PUT", path: "/bridges/{id}", body: '{"name":{"a":1}}', status: 400 },
    {
      ref: "§4 missing reference 404",
      method: "POST",
      path: "/bridges",
      body: `{"inboundFilterId":"${uuid(99)}"}`,
      status: 404,
      message: `There is no Chain with ID ${uuid(99)}.`,
    },
    {
      ref: "§4 invalid UUID in path",
      method: "PUT",
      path: "/bridges/zzz",
      body: "{}",
      status: 404,
      message: "There is no Network with ID zzz.",
    },
  ];

  it.each(cases)("$ref: $method $path → $status, store unchanged", async (c) => {
    const before = await snapshot();
    const res = await emu.api(c.method, c.path.replace("{id}", bridgeId), { body: c.body, headers: c.headers });
    expect(res.status).toBe(c.status);
    expect(typeof res.json?.code === "number" || res.status === 413).toBe(true);
    if (c.violations) {
      expect(res.json).toEqual({ message: "Validation error(s) found", code: 400, violations: c.violations });
    }
    if (c.message) {
      expect(res.json).toEqual({ message: c.message, code: c.status });
    }
    expect(await snapshot()).toBe(before);
  });

  it("a body over 1 MiB announced by Content-Length is refused before reading it", async () => {
    const res = await emu.api("POST", "/bridges", { body: big });
    expect(res.status).toBe(413);
    expect((await emu.raw("GET", "/_emulator/health")).status).toBe(200);
  });

  it("a mapping error beats a violation, as Jackson runs before bean validation", async () => {
    const res = await emu.api("POST", "/bridges", { body: { name: "n".repeat(300), adminStateUp: [] } });
    expect(res.status).toBe(400);
    expect(res.json.violations).toBeUndefined();
    expect(res.json.message).toContain("adminStateUp");
  });
});
