import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConflictError, createClient, NotFoundError, ValidationError } from "../src/index.js";
import { startBackend } from "./helpers/backend.js";
import type { Backend } from "./helpers/mini-emulator.js";

let backend: Backend;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  backend = await startBackend();
  client = createClient({ baseUrl: backend.url, retry: { baseDelay: 1 } });
});
afterAll(() => backend.close());

describe("bridges", () => {
  test("create follows Location and returns the stored object", async () => {
    const bridge = await client.bridges.create({ name: "br-create", tenantId: "t-crud" });
    expect(bridge.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(bridge.name).toBe("br-create");
    expect(bridge.uri).toBe(`${backend.url}/bridges/${bridge.id}`);
  });

  test("list filters by tenantId (sent as tenant_id)", async () => {
    await client.bridges.create({ name: "a", tenantId: "t-list" });
    await client.bridges.create({ name: "b", tenantId: "t-list" });
    await client.bridges.create({ name: "c", tenantId: "t-other" });
    const listed = await client.bridges.list({ tenantId: "t-list" });
    expect(listed.map((b) => b.name).sort()).toEqual(["a", "b"]);
  });

  test("get, update and delete round-trip", async () => {
    const { id } = await client.bridges.create({ name: "before", tenantId: "t-rt" });
    await client.bridges.update(id, { name: "after", tenantId: "t-rt", adminStateUp: false });
    const updated = await client.bridges.get(id);
    expect(updated).toMatchObject({ id, name: "after", adminStateUp: false });
    await client.bridges.delete(id);
    await expect(client.bridges.get(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("the root resource answers with its links", async () => {
    const root = await client.root.get();
    expect(root.version).toBe("v5.0");
  });

  test("request() calls any operation with the document's names", async () => {
    const { id } = await client.bridges.create({ name: "low", tenantId: "t-low" });
    const bridge = await client.request("get", "/bridges/{id}", { params: { id } });
    expect(bridge.name).toBe("low");
    const listed = await client.request("get", "/bridges", { query: { tenant_id: "t-low" } });
    expect(listed).toHaveLength(1);
  });
});

describe("idempotent helpers", () => {
  test("ensure creates, then treats the same content as success", async () => {
    const id = randomUUID();
    const first = await client.bridges.ensure({ id, name: "same", tenantId: "t-ens" });
    const again = await client.bridges.ensure({ id, name: "same", tenantId: "t-ens" });
    expect(again).toEqual(first);
  });

  test("ensure rejects different content with a ConflictError naming the fields", async () => {
    const id = randomUUID();
    await client.bridges.ensure({ id, name: "one", tenantId: "t-ens" });
    const error = await client.bridges.ensure({ id, name: "two", tenantId: "t-ens" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).differences).toEqual(["name"]);
    expect((error as ConflictError).status).toBe(409);
  });

  test("deleteIfExists treats an absent object as success", async () => {
    const { id } = await client.bridges.create({ name: "gone", tenantId: "t-del" });
    await expect(client.bridges.deleteIfExists(id)).resolves.toBe(true);
    await expect(client.bridges.deleteIfExists(id)).resolves.toBe(false);
  });
});

describe("error mapping", () => {
  test("404 carries status, MidoNet's message and code, method and URL", async () => {
    const id = randomUUID();
    const error = (await client.bridges.get(id).catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 404, method: "GET", url: `${backend.url}/bridges/${id}` });
    expect(error.serverMessage).toContain(id);
  });

  test("409 on a duplicate id is a ConflictError", async () => {
    const id = randomUUID();
    await client.bridges.create({ id, name: "dup", tenantId: "t-dup" });
    await expect(client.bridges.create({ id, name: "dup", tenantId: "t-dup" })).rejects.toBeInstanceOf(ConflictError);
  });

  test("400 with violations is a ValidationError", async () => {
    const error = (await client.bridges.create({ name: "x".repeat(300) }).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.violations.map((v) => v.property)).toContain("name");
  });
});
