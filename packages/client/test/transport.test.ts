// What goes on the wire, against @midonet/emulator: the requests are recorded through the client's own `fetch`
// option (a wrapper around global fetch), so the headers and bodies seen are exactly the ones the client sends.
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type ResponseEvent } from "../src/index.js";

let open: RunningEmulator;
let locked: RunningEmulator;

beforeAll(async () => {
  [open, locked] = await Promise.all([
    startEmulator(),
    startEmulator({ auth: { mode: "users", users: [{ username: "u", password: "p", project: "demo" }] } }),
  ]);
});
afterAll(() => Promise.all([open.close(), locked.close()]));

interface Recorded {
  method: string;
  url: string;
  headers: Headers;
  body: string;
  response: Response;
}

/** A fetch that records every request it sends (and its response, cloned) before handing it to global fetch. */
function recordingFetch() {
  const requests: Recorded[] = [];
  const record: typeof fetch = async (input, init) => {
    // ky hands over a Request: record a clone, so the original (and its body) still goes out.
    const request = new Request(input instanceof Request ? input.clone() : input, init);
    const body = await request.text();
    const response = await fetch(input, init);
    requests.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body,
      response: response.clone(),
    });
    return response;
  };
  const last = (method: string) => requests.filter((r) => r.method === method).at(-1);
  return { fetch: record, requests, last };
}

describe("transport", () => {
  test("sends the document's first media types as Accept and Content-Type, and JSON bodies", async () => {
    const rec = recordingFetch();
    const client = createClient({ baseUrl: `${open.url}/`, fetch: rec.fetch });
    const bridge = await client.bridges.create({ name: "media" });
    const post = rec.last("POST");
    expect(post?.headers.get("content-type")).toBe("application/vnd.org.midonet.Bridge-v5+json");
    expect(JSON.parse(post?.body ?? "")).toEqual({ name: "media" });
    // The create follows Location with a GET of the item's media type.
    expect(rec.last("GET")?.url).toBe(`${open.url}/bridges/${bridge.id}`);
    expect(rec.last("GET")?.headers.get("accept")).toBe("application/vnd.org.midonet.Bridge-v5+json");
    await client.bridges.list();
    expect(rec.last("GET")?.headers.get("accept")).toBe("application/vnd.org.midonet.collection.Bridge-v5+json");
    await client.bridges.update(bridge.id, { name: "media2" });
    expect(rec.last("PUT")?.headers.get("content-type")).toBe("application/vnd.org.midonet.Bridge-v5+json");
    await client.bridges.delete(bridge.id);
    expect(rec.last("DELETE")?.body).toBe("");
  });

  test("query parameters are sent with the document's names", async () => {
    const rec = recordingFetch();
    const client = createClient({ baseUrl: open.url, fetch: rec.fetch });
    await client.bridges.list({ tenantId: "t 1" });
    expect(rec.last("GET")?.url).toBe(`${open.url}/bridges?tenant_id=t+1`);
  });

  test("login sends Basic auth and X-Auth-Project; the token from its answer goes in X-Auth-Token", async () => {
    const rec = recordingFetch();
    const client = createClient({
      baseUrl: locked.url,
      fetch: rec.fetch,
      auth: { username: "u", password: "p", project: "demo" },
    });
    await client.bridges.list();
    const login = rec.requests.find((r) => r.url === `${locked.url}/login`);
    expect(login?.method).toBe("POST");
    expect(login?.headers.get("authorization")).toBe(`Basic ${Buffer.from("u:p").toString("base64")}`);
    expect(login?.headers.get("x-auth-project")).toBe("demo");
    const { key } = (await (login as Recorded).response.json()) as { key: string };
    expect(key).toMatch(/.{8,}/);
    expect(rec.last("GET")?.headers.get("x-auth-token")).toBe(key);
  });

  test("a static token is sent as X-Auth-Token without any login", async () => {
    const rec = recordingFetch();
    const client = createClient({ baseUrl: open.url, fetch: rec.fetch, auth: { token: "static-token" } });
    await client.bridges.list();
    expect(rec.requests.map((r) => r.url)).toEqual([`${open.url}/bridges`]);
    expect(rec.last("GET")?.headers.get("x-auth-token")).toBe("static-token");
  });

  test("hooks see each request with timing; client and call headers are sent", async () => {
    const rec = recordingFetch();
    const events: ResponseEvent[] = [];
    const client = createClient({
      baseUrl: open.url,
      fetch: rec.fetch,
      headers: { "x-trace": "t1" },
      hooks: { onResponse: (e) => events.push(e) },
    });
    await client.bridges.list(undefined, { headers: { "x-call": "c1" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ method: "GET", status: 200, operationId: "listBridges", attempt: 0 });
    expect(events[0]?.durationMs).toBeGreaterThan(0);
    expect(rec.last("GET")?.headers.get("x-trace")).toBe("t1");
    expect(rec.last("GET")?.headers.get("x-call")).toBe("c1");
  });

  test("the debug log writes one line per request without secrets", async () => {
    const lines: string[] = [];
    const client = createClient({ baseUrl: open.url, auth: { token: "tok-secret" }, debug: (l) => lines.push(l) });
    await client.bridges.list();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/midonet-api\/bridges 200 [\d.]+ ms$/);
    expect(lines.join("\n")).not.toContain("tok-secret");
  });
});
