import { describe, expect, it } from "vitest";
import { TestEmulator } from "./helpers.js";

const emu = TestEmulator.forSuite();

describe("routing", () => {
  const cases = [
    { ref: "§1 root dispatch", method: "GET", path: "/nosuch", status: 404, message: "Root resource nosuch not found" },
    {
      ref: "§1 root dispatch",
      method: "GET",
      path: "/nosuch/x/y",
      status: 404,
      message: "Root resource nosuch not found",
    },
    {
      ref: "§4 missing object",
      method: "GET",
      path: "/bridges/not-a-uuid",
      status: 404,
      message: "There is no Network with ID not-a-uuid.",
    },
    { ref: "§4 missing object", method: "GET", path: "/bridges/%zz", status: 404 },
    {
      ref: "§4 missing object",
      method: "DELETE",
      path: "/bridges/not-a-uuid",
      status: 404,
      message: "There is no Network with ID not-a-uuid.",
    },
    { ref: "§3.3 no @AllowX → 405", method: "PATCH", path: "/bridges", status: 405, empty: true },
    { ref: "§3.3 no @AllowX → 405", method: "DELETE", path: "/bridges", status: 405, empty: true },
    {
      ref: "§3.3 no @AllowX → 405",
      method: "POST",
      path: "/bridges/00000000-0000-4000-8000-000000000001",
      status: 405,
      empty: true,
    },
    { ref: "§9.29 system state", method: "GET", path: "/system_state", status: 200 },
  ] as const;

  it.each(cases)("$ref: $method $path → $status", async (c) => {
    const res = await emu.api(c.method, c.path, { body: c.method === "POST" ? {} : undefined });
    expect(res.status).toBe(c.status);
    if ("message" in c) {
      expect(res.json).toEqual({ message: c.message, code: c.status });
      expect(res.headers["content-type"]).toBe("application/vnd.org.midonet.Error-v1+json");
    }
    if ("empty" in c) {
      expect(res.text).toBe("");
    }
  });

  it("§1 the root without slash answers 302 to the root with slash", async () => {
    const res = await emu.raw("GET", "/midonet-api");
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${emu.url}/`);
  });

  it("§2 the root lists every key with absolute URIs from Host and X-Forwarded-*", async () => {
    const res = await emu.api("GET", "/", {
      headers: { host: "api.example:9999", "x-forwarded-proto": "https", "x-forwarded-host": "midonet.example" },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toHaveLength(52);
    expect(Object.keys(res.json).slice(0, 4)).toEqual(["uri", "version", "bgpNetworkTemplate", "bgpPeerTemplate"]);
    expect(res.json.uri).toBe("https://midonet.example/midonet-api/");
    expect(res.json.bridges).toBe("https://midonet.example/midonet-api/bridges");
    expect(res.json.bridgeTemplate).toBe("https://midonet.example/midonet-api/bridges/{id}");
    expect(res.json.version).toBe("v5.0");
  });

  it("§2 the Host header alone sets the base URI", async () => {
    const res = await emu.api("GET", "/", { headers: { host: "10.1.2.3:8181" } });
    expect(res.json.systemState).toBe("http://10.1.2.3:8181/midonet-api/system_state");
  });

  it("§4 CORS preflight answers 200 without auth, other responses carry the CORS headers", async () => {
    const preflight = await emu.api("OPTIONS", "/bridges");
    expect(preflight.status).toBe(200);
    expect(preflight.headers["access-control-allow-headers"]).toContain("X-Auth-Token");
    const get = await emu.api("GET", "/bridges");
    expect(get.headers["access-control-allow-origin"]).toBe("*");
    expect(get.headers["access-control-expose-headers"]).toBe("Location");
  });

  it("control endpoint health answers", async () => {
    const res = await emu.raw("GET", "/_emulator/health");
    expect(res.status).toBe(200);
    expect(res.json.status).toBe("ok");
  });
});
