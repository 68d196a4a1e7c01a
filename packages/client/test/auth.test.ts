// Auth against @midonet/emulator in users mode: login, token use, refresh after a 401, and secrecy of credentials.
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AuthError, createClient, type RetryEvent } from "../src/index.js";

const users = [{ username: "admin", password: "s3cret-pw", project: "admin" }];
let backend: RunningEmulator;
let shortLived: RunningEmulator;

beforeAll(async () => {
  [backend, shortLived] = await Promise.all([
    startEmulator({ auth: { mode: "users", users } }),
    startEmulator({ auth: { mode: "users", users, tokenTtlSeconds: 1 } }),
  ]);
});
afterAll(() => Promise.all([backend.close(), shortLived.close()]));

describe("auth", () => {
  test("logs in with Basic auth on first use and sends the token", async () => {
    const client = createClient({
      baseUrl: backend.url,
      auth: { username: "admin", password: "s3cret-pw", project: "admin" },
    });
    await expect(client.bridges.list()).resolves.toBeInstanceOf(Array);
  });

  test("without a token the server's 401 is an AuthError", async () => {
    const client = createClient({ baseUrl: backend.url });
    const error = (await client.bridges.list().catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
  });

  test("a token provider is asked again once after a 401", async () => {
    const login = createClient({ baseUrl: backend.url, auth: { username: "admin", password: "s3cret-pw" } });
    const calls: boolean[] = [];
    const client = createClient({
      baseUrl: backend.url,
      auth: {
        token: async ({ refresh }) => {
          calls.push(refresh);
          return refresh ? login.login() : "stale-token";
        },
      },
    });
    await expect(client.bridges.list()).resolves.toBeInstanceOf(Array);
    expect(calls).toEqual([false, true]);
  });

  test("an expired token is replaced by one automatic re-login, and the call succeeds", async () => {
    const answers: [number, number][] = [];
    const retries: RetryEvent["reason"][] = [];
    const client = createClient({
      baseUrl: shortLived.url,
      auth: { username: "admin", password: "s3cret-pw" },
      hooks: { onResponse: (e) => answers.push([e.attempt, e.status]), onRetry: (e) => retries.push(e.reason) },
    });
    await expect(client.bridges.list()).resolves.toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await expect(client.bridges.list()).resolves.toEqual([]);
    // The second call: its first attempt carries the expired token (401), the repeat the new one.
    expect(answers).toEqual([
      [0, 200],
      [0, 401],
      [1, 200],
    ]);
    expect(retries).toEqual(["reauth"]);
  });

  test("two clients of the same process keep their own tokens", async () => {
    const a = createClient({ baseUrl: backend.url, auth: { username: "admin", password: "s3cret-pw" } });
    const b = createClient({ baseUrl: backend.url, auth: { username: "admin", password: "s3cret-pw" } });
    expect(await a.login()).not.toBe(await b.login());
    await expect(Promise.all([a.bridges.list(), b.bridges.list()])).resolves.toEqual([[], []]);
  });

  test("a refused login is an AuthError that never shows the password", async () => {
    const client = createClient({ baseUrl: backend.url, auth: { username: "admin", password: "wrong-pw-123" } });
    const error = (await client.bridges.list().catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    const shown = [error.message, String(error), JSON.stringify(error), error.stack ?? ""].join("\n");
    expect(shown).not.toContain("wrong-pw-123");
    expect(shown).not.toContain(Buffer.from("admin:wrong-pw-123").toString("base64"));
  });

  test("credentials appear in no string form of the client", async () => {
    const { inspect } = await import("node:util");
    const client = createClient({ baseUrl: backend.url, auth: { username: "admin", password: "s3cret-pw" } });
    const shown = [String(client), JSON.stringify(client), inspect(client, { depth: 10, showHidden: true })].join("\n");
    expect(shown).not.toContain("s3cret-pw");
  });
});
