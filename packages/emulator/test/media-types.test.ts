import { beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "./helpers.js";

const emu = TestEmulator.forSuite();
let bridgeId: string;
beforeAll(async () => {
  bridgeId = await emu.createBridge({ name: "mt" });
});

const V = (name: string) => `application/vnd.org.midonet.${name}+json`;

describe("media types (reference §3.3)", () => {
  const reads = [
    {
      ref: "§3.3 generic list",
      path: "/bridges",
      accept: V("collection.Bridge-v5"),
      status: 200,
      type: V("collection.Bridge-v5"),
    },
    {
      ref: "§3.3 generic list",
      path: "/bridges",
      accept: V("collection.Bridge-v4"),
      status: 200,
      type: V("collection.Bridge-v4"),
    },
    {
      ref: "§3.3 charset param ignored",
      path: "/bridges",
      accept: `${V("collection.Bridge-v4")}; charset=UTF-8`,
      status: 200,
    },
    { ref: "§3.3 */* compatible", path: "/bridges", accept: "*/*", status: 200, type: "application/json" },
    { ref: "§3.3 json", path: "/bridges", accept: "application/json", status: 200, type: "application/json" },
    { ref: "§3.3 wrong vendor type 406", path: "/bridges", accept: V("Bridge-v4"), status: 406 },
    { ref: "§3.3 text 406", path: "/bridges", accept: "text/plain", status: 406 },
    { ref: "§3.3 missing Accept 406 (generic)", path: "/bridges", accept: undefined, status: 406 },
    { ref: "§3.3 generic get", path: "/bridges/{id}", accept: V("Bridge-v5"), status: 200, type: V("Bridge-v5") },
    { ref: "§3.3 generic get wrong", path: "/bridges/{id}", accept: V("collection.Bridge-v5"), status: 406 },
    { ref: "§2 jersey root, missing Accept ok", path: "/", accept: undefined, status: 200 },
    { ref: "§2 jersey root", path: "/", accept: V("Application-v5"), status: 200, type: V("Application-v5") },
    { ref: "§2 jersey root wrong", path: "/", accept: V("Bridge-v5"), status: 406 },
  ];

  it.each(reads)("$ref: GET $path Accept $accept → $status", async (c) => {
    const headers: Record<string, string> = c.accept === undefined ? {} : { accept: c.accept };
    const res = await emu.raw("GET", `/midonet-api${c.path.replace("{id}", bridgeId)}`, { headers });
    expect(res.status).toBe(c.status);
    if (c.status === 406) {
      expect(res.text).toBe("");
    }
    if (c.type) {
      expect(res.headers["content-type"]).toBe(c.type);
    }
  });

  const writes = [
    { ref: "§3.3 generic create", contentType: V("Bridge-v4"), status: 201 },
    { ref: "§3.3 charset param ignored", contentType: `${V("Bridge-v4")}; charset=UTF-8`, status: 201 },
    { ref: "§3.3 json", contentType: "application/json", status: 201 },
    { ref: "§3.3 wrong vendor type 406", contentType: V("Router-v3"), status: 406 },
    { ref: "§3.3 non-JSON type 415", contentType: "text/plain", status: 415 },
    { ref: "§3.3 missing Content-Type 415", contentType: undefined, status: 415 },
  ];

  it.each(writes)("$ref: POST /bridges Content-Type $contentType → $status", async (c) => {
    const headers: Record<string, string> = c.contentType === undefined ? {} : { "content-type": c.contentType };
    const before = (await emu.api("GET", "/bridges")).json.length;
    const res = await emu.raw("POST", "/midonet-api/bridges", { headers, body: { name: "x" } });
    expect(res.status).toBe(c.status);
    const after = (await emu.api("GET", "/bridges")).json.length;
    expect(after).toBe(before + (c.status === 201 ? 1 : 0));
  });

  it("§3.3 a wrong Content-Type on a generic PUT is 406", async () => {
    const res = await emu.raw("PUT", `/midonet-api/bridges/${bridgeId}`, {
      headers: { "content-type": V("Port-v3") },
      body: { name: "y" },
    });
    expect(res.status).toBe(406);
  });

  it("§1 gzip responses when accepted, gzip request bodies accepted", async () => {
    const { gzipSync, gunzipSync } = await import("node:zlib");
    const res = await emu.raw("POST", "/midonet-api/bridges", {
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      body: gzipSync(Buffer.from(JSON.stringify({ name: "zipped" }))),
    });
    expect(res.status).toBe(201);
    const { request } = await import("node:http");
    const body = await new Promise<Buffer>((resolve) => {
      request(`${emu.url}/bridges`, { headers: { accept: "application/json", "accept-encoding": "gzip" } }, (r) => {
        expect(r.headers["content-encoding"]).toBe("gzip");
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c));
        r.on("end", () => resolve(Buffer.concat(chunks)));
      }).end();
    });
    expect(JSON.parse(gunzipSync(body).toString()).some((b: any) => b.name === "zipped")).toBe(true);
  });
});
