import { describe, expect, it } from "vitest";
import { TestEmulator } from "./helpers.js";

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const CHALLENGE = 'Basic  realm="BASIC_AUTH_REALM"';

describe("mock auth (reference §5.3 MockAuthService)", () => {
  const emu = TestEmulator.forSuite();

  it("§5.1 any credentials log in with token 00000000, body and cookie", async () => {
    const res = await emu.api("POST", "/login", { headers: { authorization: basic("anyone", "anything") }, body: {} });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ key: "00000000", expires: null });
    expect(res.headers["set-cookie"]).toEqual(["sessionId=00000000"]);
    expect(res.headers["content-type"]).toBe("application/vnd.org.midonet.Token-v1+json;charset=UTF-8");
  });

  it("§5.3 no token is needed", async () => {
    expect((await emu.api("GET", "/bridges")).status).toBe(200);
  });

  const loginFailures = [
    { ref: "§5.1", authorization: undefined, message: "Authorization header is not set." },
    { ref: "§5.1", authorization: "Bearer x", message: "Authorization header does not contain Basic." },
    { ref: "§5.1", authorization: basic("user", ""), message: "Authorization header is not valid" },
    { ref: "§5.1", authorization: basic("user", "a:b"), message: "Authorization header is not valid" },
  ];
  it.each(loginFailures)("$ref login with $authorization → 401 $message", async (c) => {
    const headers: Record<string, string> = c.authorization ? { authorization: c.authorization } : {};
    const res = await emu.raw("GET", "/midonet-api/login", { headers });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: c.message, code: 401 });
    expect(res.headers["www-authenticate"]).toBe(CHALLENGE);
  });
});

describe("users auth (Keystone-like, reference §5.1, §5.2)", () => {
  const emu = TestEmulator.forSuite({
    auth: {
      mode: "users",
      tokenTtlSeconds: 1,
      users: [
        { username: "admin", password: "secret", project: "admin" },
        { username: "viewer", password: "pw", project: "demo", role: "tenant_user" },
      ],
    },
  });

  async function login(user: string, password: string) {
    return emu.api("POST", "/login", { headers: { authorization: basic(user, password) }, body: {} });
  }

  it("§5.1 login returns a token in the body and the sessionId cookie, with an expiry", async () => {
    const res = await login("admin", "secret");
    expect(res.status).toBe(200);
    expect(res.json.key).toMatch(/^[0-9a-f]{32}$/);
    expect(res.json.expires).toMatch(/^[A-Z][a-z]{2}, \d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2} UTC$/);
    expect(res.headers["set-cookie"]).toEqual([`sessionId=${res.json.key}; Expires=${res.json.expires}`]);
  });

  it("§5.1 a wrong password answers 401 with the challenge", async () => {
    const res = await login("admin", "wrong");
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toBe(CHALLENGE);
  });

  const tokenCases = [
    { ref: "§5.2 no token", token: undefined, status: 401, message: "No token was passed in.", challenge: false },
    { ref: "§5.2 unknown token", token: "deadbeef", status: 401, message: "Authentication error", challenge: true },
  ];
  it.each(tokenCases)("$ref → $status", async (c) => {
    const headers: Record<string, string> = c.token ? { "x-auth-token": c.token } : {};
    const res = await emu.api("GET", "/bridges", { headers });
    expect(res.status).toBe(c.status);
    expect(res.json).toEqual({ message: c.message, code: c.status });
    expect(res.headers["www-authenticate"]).toBe(c.challenge ? CHALLENGE : undefined);
  });

  it("§5.2 a valid admin token passes; the cookie alone does not", async () => {
    const token = (await login("admin", "secret")).json.key;
    expect((await emu.api("GET", "/bridges", { headers: { "x-auth-token": token } })).status).toBe(200);
    expect((await emu.api("GET", "/bridges", { headers: { cookie: `sessionId=${token}` } })).status).toBe(401);
  });

  it("§5.2 a non-admin user gets 401 with a null message", async () => {
    const token = (await login("viewer", "pw")).json.key;
    const res = await emu.api("GET", "/bridges", { headers: { "x-auth-token": token } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ message: null, code: 401 });
  });

  it("§5.3 tokens expire", async () => {
    const token = (await login("admin", "secret")).json.key;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await emu.api("GET", "/bridges", { headers: { "x-auth-token": token } });
    expect(res.status).toBe(401);
  });
});
