import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AuthError, createClient } from "../src/index.js";
import { startBackend } from "./helpers/backend.js";
import type { Backend } from "./helpers/mini-emulator.js";

const users = [{ username: "admin", password: "s3cret-pw", project: "admin" }];
let backend: Backend;

beforeAll(async () => {
  backend = await startBackend({ auth: { mode: "users", users } });
});
afterAll(() => backend.close());

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
