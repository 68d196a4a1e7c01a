/**
 * HTTPS, as a MidoNet cluster serves it on its `https_port` (reference §1): the same API, absolute URIs with the
 * https scheme, and a certificate that clients verify against the CA they are given.
 */
import { request } from "node:https";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, type SelfSignedTls, selfSignedTls, startEmulator } from "../src/index.js";

function get(url: string, ca?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, headers: { accept: "application/json" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("HTTPS", () => {
  let tls: SelfSignedTls;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    tls = selfSignedTls();
    emulator = await startEmulator({ tls: { key: tls.key, cert: tls.cert } });
  });
  afterAll(() => emulator.close());

  it("serves the API over https and says so in its URL", async () => {
    expect(emulator.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/midonet-api$/);
    const root = await get(`${emulator.url}/`, tls.ca);
    expect(root.status).toBe(200);
    expect(root.body.bridges).toBe(`${emulator.url}/bridges`);
  });

  it("is refused by a client that does not trust the CA", async () => {
    await expect(get(`${emulator.url}/`)).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });
});
