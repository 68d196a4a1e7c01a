// TLS with a private CA: a MidoNet cluster serving HTTPS with a certificate its users' machines do not trust by default.
import { type RunningEmulator, type SelfSignedTls, selfSignedTls, startEmulator } from "@midonet/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, NetworkError } from "../src/index.js";

describe("HTTPS with a custom CA", () => {
  let tls: SelfSignedTls;
  let emulator: RunningEmulator;
  beforeAll(async () => {
    tls = selfSignedTls();
    emulator = await startEmulator({ tls: { key: tls.key, cert: tls.cert } });
  });
  afterAll(() => emulator.close());

  test("a client given the CA talks to the cluster", async () => {
    const client = createClient({ baseUrl: emulator.url, ca: tls.ca, retry: false });
    const bridge = await client.bridges.create({ name: "over-tls" });
    expect(bridge.uri).toBe(`${emulator.url}/bridges/${bridge.id}`);
    expect((await client.bridges.get(bridge.id)).name).toBe("over-tls");
  });

  test("a client without it refuses the certificate with a NetworkError", async () => {
    const client = createClient({ baseUrl: emulator.url, retry: false });
    const error = await client.bridges.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).method).toBe("GET");
    expect((error as NetworkError).url).toBe(`${emulator.url}/bridges`);
  });
});
