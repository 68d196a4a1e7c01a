// Header-level checks against the recording mini emulator (the real emulator keeps no request log).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type ResponseEvent } from "../src/index.js";
import { startMiniEmulator } from "./helpers/mini-emulator.js";

let server: Awaited<ReturnType<typeof startMiniEmulator>>;

beforeAll(async () => {
  server = await startMiniEmulator();
});
afterAll(() => server.close());

const last = (method: string) => server.requests.filter((r) => r.method === method).at(-1);

describe("transport", () => {
  test("sends the document's first media types as Accept and Content-Type, JSON bodies", async () => {
    const client = createClient({ baseUrl: `${server.url}/` });
    const bridge = await client.bridges.create({ name: "media" });
    const post = last("POST");
    expect(post?.headers["content-type"]).toBe("application/vnd.org.midonet.Bridge-v5+json");
    expect(JSON.parse(post?.body ?? "")).toEqual({ name: "media" });
    expect(last("GET")?.headers.accept).toBe("application/vnd.org.midonet.Bridge-v5+json");
    await client.bridges.list();
    expect(last("GET")?.headers.accept).toBe("application/vnd.org.midonet.collection.Bridge-v5+json");
    await client.bridges.update(bridge.id as string, { name: "media2" });
    expect(last("PUT")?.headers["content-type"]).toBe("application/vnd.org.midonet.Bridge-v5+json");
  });

  test("the token goes in X-Auth-Token; the Token-v1 body or the sessionId cookie gives it", async () => {
    const client = createClient({ baseUrl: server.url, auth: { username: "u", password: "p", project: "demo" } });
    await client.bridges.list();
    const login = server.requests.find((r) => r.path.endsWith("/login"));
    expect(login?.headers.authorization).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
    expect(login?.headers["x-auth-project"]).toBe("demo");
    expect(last("GET")?.headers["x-auth-token"]).toBe("00000000");
  });

  test("hooks see start and end of each request with timing; headers and extra headers pass through", async () => {
    const events: ResponseEvent[] = [];
    const client = createClient({
      baseUrl: server.url,
      headers: { "x-trace": "t1" },
      hooks: { onResponse: (e) => events.push(e) },
    });
    await client.bridges.list(undefined, { headers: { "x-call": "c1" } });
    expect(events[0]).toMatchObject({ method: "GET", status: 200, operationId: "listBridges", attempt: 0 });
    expect(events[0]?.durationMs).toBeGreaterThan(0);
    expect(last("GET")?.headers).toMatchObject({ "x-trace": "t1", "x-call": "c1" });
  });

  test("the debug log writes one line per request without secrets", async () => {
    const lines: string[] = [];
    const client = createClient({ baseUrl: server.url, auth: { token: "tok-secret" }, debug: (l) => lines.push(l) });
    await client.bridges.list();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/midonet-api\/bridges 200 [\d.]+ ms$/);
  });

  test("a custom fetch is used", async () => {
    let calls = 0;
    const client = createClient({
      baseUrl: server.url,
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    await client.bridges.list();
    expect(calls).toBe(1);
  });
});
