// Connection reuse: a tool polling MidoNet should not open a TCP connection per call. A counting TCP relay sits
// between the client and the emulator and reports how many connections the client opened.
import { connect, createServer, type Server } from "node:net";
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient } from "../src/index.js";

describe("keep-alive", () => {
  let emulator: RunningEmulator;
  let relay: Server;
  let connections = 0;
  let baseUrl: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    relay = createServer((socket) => {
      connections++;
      const upstream = connect(emulator.port, "127.0.0.1");
      socket.pipe(upstream).pipe(socket);
      socket.on("error", () => upstream.destroy());
      upstream.on("error", () => socket.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
    const { port } = relay.address() as { port: number };
    baseUrl = `http://127.0.0.1:${port}/midonet-api`;
  });
  afterAll(async () => {
    relay.close();
    await emulator.close();
  });

  test("twenty sequential calls, creates included, reuse their connections", async () => {
    const client = createClient({ baseUrl });
    const bridge = await client.bridges.create({ name: "keep-alive" });
    for (let i = 0; i < 9; i++) {
      await client.bridges.get(bridge.id);
      await client.bridges.list();
    }
    await client.bridges.delete(bridge.id);
    // Without keep-alive this would be 20. Node's fetch (undici) opens a second socket when the next request is
    // dispatched in the same tick the first response ends, then alternates between the two: plain fetch does too.
    expect(connections).toBeLessThanOrEqual(2);
  });
});
