// Error mapping, one row per error class, each from a real answer (or a real fault) of @midonet/emulator: the class,
// status, MidoNet's code and message, the method and URL a user sees in the error.
import { randomUUID } from "node:crypto";
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import {
  AuthError,
  ConflictError,
  createClient,
  MidoNetError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  UnavailableError,
  ValidationError,
} from "../src/index.js";

let open: RunningEmulator;
let locked: RunningEmulator;

beforeAll(async () => {
  [open, locked] = await Promise.all([
    startEmulator(),
    startEmulator({ auth: { mode: "users", users: [{ username: "admin", password: "s3cret-pw" }] } }),
  ]);
});
afterEach(() => open.faults.clear());
afterAll(() => Promise.all([open.close(), locked.close()]));

interface Case {
  name: string;
  type: new (...args: never[]) => MidoNetError;
  /** Makes the failing call. */
  call: () => Promise<unknown>;
  expected: () => Record<string, unknown>;
  /** What `message` says besides method and URL. */
  says: RegExp;
}

const missing = randomUUID();
const taken = randomUUID();

const cases: Case[] = [
  {
    name: "a 400 with bean-validation violations is a ValidationError listing them",
    type: ValidationError,
    call: () => createClient({ baseUrl: open.url }).bridges.create({ name: "x".repeat(300) }),
    expected: () => ({
      status: 400,
      code: 400,
      method: "POST",
      url: `${open.url}/bridges`,
      serverMessage: "Validation error(s) found",
      violations: [{ property: "name", message: "size must be between 0 and 255" }],
    }),
    says: /failed with 400: Validation error\(s\) found$/,
  },
  {
    name: "a 404 is a NotFoundError with MidoNet's message naming the id",
    type: NotFoundError,
    call: () => createClient({ baseUrl: open.url }).routers.get(missing),
    expected: () => ({
      status: 404,
      code: 404,
      method: "GET",
      url: `${open.url}/routers/${missing}`,
      serverMessage: `There is no Router with ID ${missing}.`,
    }),
    says: /failed with 404: There is no Router with ID/,
  },
  {
    name: "a 409 on a taken id is a ConflictError",
    type: ConflictError,
    call: async () => {
      const client = createClient({ baseUrl: open.url });
      await client.chains.ensure({ id: taken, name: "taken" });
      return client.chains.create({ id: taken, name: "taken" });
    },
    expected: () => ({ status: 409, code: 409, method: "POST", url: `${open.url}/chains`, differences: [] }),
    says: /failed with 409: A\(n\) Chain with ID [0-9a-f-]{36} already exists\.$/,
  },
  {
    name: "a 401 from an emulator with users is an AuthError",
    type: AuthError,
    call: () => createClient({ baseUrl: locked.url }).bridges.list(),
    expected: () => ({
      status: 401,
      method: "GET",
      url: `${locked.url}/bridges`,
      serverMessage: "No token was passed in.",
    }),
    says: /failed with 401: No token was passed in\.$/,
  },
  {
    name: "a refused login is an AuthError for POST /login",
    type: AuthError,
    call: () => createClient({ baseUrl: locked.url, auth: { username: "admin", password: "nope" } }).bridges.list(),
    expected: () => ({ status: 401, method: "POST", url: `${locked.url}/login` }),
    says: /^login failed: .*failed with 401: Login failed: invalid credentials$/,
  },
  {
    name: "a 503 with RetryAfter (after the retries) is an UnavailableError telling how long to wait",
    type: UnavailableError,
    call: () => {
      open.faults.add({ kind: "error", status: 503, retryAfter: 7, method: "GET", path: "^/bridges$" });
      return createClient({ baseUrl: open.url, retry: false }).bridges.list();
    },
    expected: () => ({ status: 503, code: 503, method: "GET", url: `${open.url}/bridges`, retryAfter: 7 }),
    says: /failed with 503: Service unavailable \(injected fault\)$/,
  },
  {
    name: "a slow answer is a TimeoutError naming the limit",
    type: TimeoutError,
    call: () => {
      open.faults.add({ kind: "latency", latencyMs: 1000, method: "GET", path: "^/bridges$" });
      return createClient({ baseUrl: open.url, timeout: 100, retry: false }).bridges.list();
    },
    expected: () => ({
      status: undefined,
      method: "GET",
      url: `${open.url}/bridges`,
      scope: "request",
      timeoutMs: 100,
    }),
    says: /timed out after 100 ms$/,
  },
  {
    name: "a dropped connection is a NetworkError",
    type: NetworkError,
    call: () => {
      open.faults.add({ kind: "drop", method: "GET", path: "^/bridges$" });
      return createClient({ baseUrl: open.url, retry: false }).bridges.list();
    },
    expected: () => ({ status: undefined, method: "GET", url: `${open.url}/bridges` }),
    says: /failed: fetch failed/,
  },
];

describe("error mapping", () => {
  test.each(cases)("$name", async (c) => {
    const error = (await c.call().then(
      () => undefined,
      (e: unknown) => e,
    )) as MidoNetError;
    expect(error).toBeInstanceOf(c.type);
    expect(error).toBeInstanceOf(MidoNetError);
    expect(error.name).toBe(c.type.name);
    expect(error).toMatchObject(c.expected());
    expect(error.message).toContain(`${error.method} ${error.url}`);
    expect(error.message).toMatch(c.says);
    expect(error.toJSON()).toMatchObject({ name: c.type.name, status: error.status, url: error.url });
  });

  test("an answer with a status the client has no class for is a plain MidoNetError", async () => {
    const client = createClient({ baseUrl: open.url, retry: false });
    open.faults.add({ kind: "error", status: 500, method: "GET", path: "^/bridges$" });
    const error = (await client.bridges.list().catch((e: unknown) => e)) as MidoNetError;
    expect(error.constructor).toBe(MidoNetError);
    expect(error).toMatchObject({ status: 500, method: "GET", url: `${open.url}/bridges` });
  });
});
