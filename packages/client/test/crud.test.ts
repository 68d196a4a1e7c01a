// CRUD of every top-level collection of the document that has create/get/delete, against @midonet/emulator over real
// HTTP. One row per resource: the create body, what a read shows after it, the update body and what a read shows after
// that (MidoNet's PUT is a full replacement: bodies carry every field the server keeps).
import { randomUUID } from "node:crypto";
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient, type MidoNetClient, NotFoundError } from "../src/index.js";

const HOST_ID = "6f1c0000-0000-4000-8000-00000000c0de";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: RunningEmulator;
let client: MidoNetClient;

/** Objects the rows refer to (ports for mirrors and insertions, a pool for members and VIPs, a device to trace). */
interface Fixtures {
  bridgeId: string;
  mirrorPortIds: [string, string];
  insertionPortIds: [string, string];
  containerPortId: string;
  poolId: string;
}
let f: Fixtures;

beforeAll(async () => {
  emulator = await startEmulator({
    hosts: [{ id: HOST_ID, name: "compute-1", interfaces: [{ name: "eth0", addresses: ["192.0.2.21"] }] }],
  });
  client = createClient({ baseUrl: emulator.url, retry: { baseDelay: 1 } });
  const bridge = await client.bridges.create({ name: "fixtures", tenantId: "t-fixtures" });
  const port = async () => (await client.bridges.ports(bridge.id).create({ type: "Bridge" })).id;
  f = {
    bridgeId: bridge.id,
    mirrorPortIds: [await port(), await port()],
    insertionPortIds: [await port(), await port()],
    containerPortId: await port(),
    poolId: (await client.pools.create({ lbMethod: "ROUND_ROBIN" })).id,
  };
});
afterAll(() => emulator.close());

// --- the table -------------------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;
type Created = { id: string; uri: string };
interface Crud {
  create(body: never): Promise<Created>;
  get(id: string): Promise<unknown>;
  list(): Promise<Created[]>;
  delete(id: string): Promise<void>;
}
/** The resources of the client with create, get, list and delete. */
type CrudKey = { [K in keyof MidoNetClient]: MidoNetClient[K] extends Crud ? K : never }[keyof MidoNetClient];
type CreateBody<R> = R extends { create(body: infer B, ...rest: never[]): unknown } ? B : never;
type UpdateBody<R> = R extends { update(id: string, body: infer B, ...rest: never[]): unknown } ? B : never;

interface Row {
  name: string;
  path: string;
  resource: CrudKey;
  create: (f: Fixtures) => Json;
  created: (f: Fixtures) => Json;
  update?: ((f: Fixtures, id: string) => Json) | undefined;
  updated?: ((f: Fixtures) => Json) | undefined;
}

/** `T` with every key that `Body` lacks made `never`: a returned object literal gets no excess-property check. */
type Exact<T, Body> = T & Record<Exclude<keyof T, keyof Body>, never>;

/** Types each row against its resource: a wrong field name or value in a body fails to compile. */
function row<
  K extends CrudKey,
  const C extends CreateBody<MidoNetClient[K]>,
  const U extends UpdateBody<MidoNetClient[K]>,
>(r: {
  name: string;
  path: string;
  resource: K;
  create: (f: Fixtures) => Exact<C, CreateBody<MidoNetClient[K]>>;
  created: (f: Fixtures) => Json;
  update?: (f: Fixtures, id: string) => Exact<U, UpdateBody<MidoNetClient[K]>>;
  updated?: (f: Fixtures) => Json;
}): Row {
  return r as unknown as Row;
}

type Api = Crud & { update?(id: string, body: unknown): Promise<unknown> };
const apiOf = (r: Row) => client[r.resource] as unknown as Api;

const rows: Row[] = [
  row({
    name: "bridges",
    path: "/bridges",
    resource: "bridges",
    create: () => ({ name: "crud-br", tenantId: "t-crud" }),
    created: () => ({ name: "crud-br", tenantId: "t-crud", adminStateUp: true, vxLanPortIds: [] }),
    update: () => ({ name: "crud-br-2", tenantId: "t-crud", adminStateUp: false }),
    updated: () => ({ name: "crud-br-2", adminStateUp: false }),
  }),
  row({
    name: "routers",
    path: "/routers",
    resource: "routers",
    create: () => ({ name: "crud-rt", tenantId: "t-crud" }),
    created: () => ({ name: "crud-rt", tenantId: "t-crud", adminStateUp: true, asNumber: 0 }),
    update: () => ({ name: "crud-rt-2", tenantId: "t-crud", adminStateUp: false }),
    updated: () => ({ name: "crud-rt-2", adminStateUp: false }),
  }),
  row({
    name: "chains",
    path: "/chains",
    resource: "chains",
    create: () => ({ name: "crud-chain", tenantId: "t-crud" }),
    created: () => ({ name: "crud-chain", tenantId: "t-crud" }),
  }),
  row({
    name: "port groups",
    path: "/port_groups",
    resource: "portGroups",
    create: () => ({ name: "crud-pg", tenantId: "t-crud" }),
    created: () => ({ name: "crud-pg", tenantId: "t-crud", stateful: false }),
    update: () => ({ name: "crud-pg-2", tenantId: "t-crud", stateful: true }),
    updated: () => ({ name: "crud-pg-2", stateful: true }),
  }),
  row({
    name: "ip addr groups",
    path: "/ip_addr_groups",
    resource: "ipAddrGroups",
    create: () => ({ name: "crud-iag" }),
    created: () => ({ name: "crud-iag", ipAddrPorts: [] }),
  }),
  row({
    name: "tunnel zones",
    path: "/tunnel_zones",
    resource: "tunnelZones",
    create: () => ({ name: "crud-tz", type: "vxlan" }),
    created: () => ({ name: "crud-tz", type: "vxlan" }),
    update: () => ({ name: "crud-tz-2", type: "vxlan" }),
    updated: () => ({ name: "crud-tz-2", type: "vxlan" }),
  }),
  row({
    name: "load balancers",
    path: "/load_balancers",
    resource: "loadBalancers",
    create: () => ({}),
    created: () => ({ adminStateUp: true, routerId: null }),
    update: () => ({ adminStateUp: false }),
    updated: () => ({ adminStateUp: false }),
  }),
  row({
    name: "pools",
    path: "/pools",
    resource: "pools",
    create: () => ({ lbMethod: "ROUND_ROBIN" }),
    created: () => ({ lbMethod: "ROUND_ROBIN", protocol: "TCP", status: "ACTIVE", adminStateUp: true }),
    update: () => ({ lbMethod: "ROUND_ROBIN", adminStateUp: false }),
    updated: () => ({ adminStateUp: false }),
  }),
  row({
    name: "pool members",
    path: "/pool_members",
    resource: "poolMembers",
    create: (f) => ({ poolId: f.poolId, address: "10.0.0.1", protocolPort: 80 }),
    created: (f) => ({ poolId: f.poolId, address: "10.0.0.1", protocolPort: 80, weight: 1, adminStateUp: true }),
    // MidoNet keeps address and protocolPort on update; weight and adminStateUp are replaced.
    update: (f) => ({ poolId: f.poolId, address: "10.0.0.1", protocolPort: 80, weight: 3, adminStateUp: true }),
    updated: () => ({ weight: 3, adminStateUp: true }),
  }),
  row({
    name: "vips",
    path: "/vips",
    resource: "vips",
    create: (f) => ({ poolId: f.poolId, address: "10.0.0.9", protocolPort: 80 }),
    created: (f) => ({ poolId: f.poolId, address: "10.0.0.9", protocolPort: 80, sessionPersistence: null }),
    update: (f) => ({ poolId: f.poolId, address: "10.0.0.10", protocolPort: 8080 }),
    updated: () => ({ address: "10.0.0.10", protocolPort: 8080 }),
  }),
  row({
    name: "health monitors",
    path: "/health_monitors",
    resource: "healthMonitors",
    create: () => ({ type: "TCP", delay: 5, timeout: 3, maxRetries: 2 }),
    created: () => ({ type: "TCP", delay: 5, timeout: 3, maxRetries: 2, adminStateUp: true }),
    update: () => ({ type: "TCP", delay: 10, timeout: 4, maxRetries: 3, adminStateUp: true }),
    updated: () => ({ delay: 10, timeout: 4, maxRetries: 3 }),
  }),
  row({
    name: "mirrors",
    path: "/mirrors",
    resource: "mirrors",
    create: (f) => ({ toPortId: f.mirrorPortIds[0] }),
    created: (f) => ({ toPortId: f.mirrorPortIds[0], conditions: [] }),
    update: (f) => ({ toPortId: f.mirrorPortIds[1] }),
    updated: (f) => ({ toPortId: f.mirrorPortIds[1] }),
  }),
  row({
    name: "l2insertions",
    path: "/l2insertions",
    resource: "l2insertions",
    create: (f) => ({
      portId: f.insertionPortIds[0],
      srvPortId: f.insertionPortIds[1],
      mac: "aa:bb:cc:dd:ee:01",
      vlan: 2,
    }),
    created: (f) => ({ portId: f.insertionPortIds[0], srvPortId: f.insertionPortIds[1], vlan: 2, position: 0 }),
    // MidoNet's L2 insertion update reads the id from the body; the client fills it in from the path.
    update: (f) => ({
      portId: f.insertionPortIds[0],
      srvPortId: f.insertionPortIds[1],
      mac: "aa:bb:cc:dd:ee:01",
      position: 4,
    }),
    updated: () => ({ position: 4, vlan: 0 }),
  }),
  row({
    name: "service container groups",
    path: "/service_container_groups",
    resource: "serviceContainerGroups",
    create: () => ({ policy: "LEAST" }),
    created: () => ({ policy: "LEAST", hostGroupId: null, portGroupId: null }),
    // MidoNet's update reads the id from the body (the client fills it in from the path) and stores the body as
    // given (policy defaults to WEIGHTED).
    update: () => ({ policy: "WEIGHTED" }),
    updated: () => ({ policy: "WEIGHTED" }),
  }),
  row({
    name: "service containers",
    path: "/service_containers",
    resource: "serviceContainers",
    create: (f) => ({ serviceType: "VPN", portId: f.containerPortId }),
    created: (f) => ({ serviceType: "VPN", portId: f.containerPortId, hostId: null }),
    // Only the scheduling (hostId) changes on update; it binds the container's port to the host.
    update: () => ({ serviceType: "VPN", hostId: HOST_ID }),
    updated: () => ({ serviceType: "VPN", hostId: HOST_ID }),
  }),
  row({
    name: "qos policies",
    path: "/qos_policies",
    resource: "qosPolicies",
    create: () => ({ name: "gold", description: "first" }),
    created: () => ({ name: "gold", description: "first", rules: null }),
    update: () => ({ name: "silver", description: "second" }),
    updated: () => ({ name: "silver", description: "second" }),
  }),
  row({
    name: "traces",
    path: "/traces",
    resource: "traces",
    create: (f) => ({ name: "crud-trace", deviceType: "BRIDGE", deviceId: f.bridgeId, condition: {}, limit: 10 }),
    created: (f) => ({ name: "crud-trace", deviceType: "BRIDGE", deviceId: f.bridgeId, enabled: false, limit: 10 }),
    // MidoNet's trace update reads the id from the body; the client fills it in from the path.
    update: (f) => ({ name: "crud-trace-2", deviceType: "BRIDGE", deviceId: f.bridgeId, condition: {} }),
    updated: () => ({ name: "crud-trace-2" }),
  }),
];

const updatable = rows.filter((r) => r.update && r.updated);

describe.each(rows)("$name", (r) => {
  test("create returns the stored object at its own uri, and get and list find it", async () => {
    const api = apiOf(r);
    const created = await api.create(r.create(f) as never);
    expect(created.id).toMatch(UUID);
    expect(created.uri).toBe(`${emulator.url}${r.path}/${created.id}`);
    expect(created).toMatchObject(r.created(f));
    expect(await api.get(created.id)).toEqual(created);
    expect((await api.list()).map((o) => o.id)).toContain(created.id);
    await api.delete(created.id);
  });

  test("delete removes it: get then fails with NotFoundError and list no longer shows it", async () => {
    const api = apiOf(r);
    const { id } = await api.create(r.create(f) as never);
    await api.delete(id);
    await expect(api.get(id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await api.list()).map((o) => o.id)).not.toContain(id);
  });
});

describe.each(updatable)("$name", (r) => {
  test("update replaces the stored object and get reads the new fields", async () => {
    const api = apiOf(r);
    const { id } = await api.create(r.create(f) as never);
    await expect(api.update?.(id, r.update?.(f, id))).resolves.toBeUndefined();
    expect(await api.get(id)).toMatchObject({ id, ...r.updated?.(f) });
    await api.delete(id);
  });
});

test("the table covers every top-level collection with create, get and delete except vteps", () => {
  expect(rows.map((r) => r.path).sort()).toEqual(
    [
      "/bridges",
      "/chains",
      "/health_monitors",
      "/ip_addr_groups",
      "/l2insertions",
      "/load_balancers",
      "/mirrors",
      "/pool_members",
      "/pools",
      "/port_groups",
      "/qos_policies",
      "/routers",
      "/service_container_groups",
      "/service_containers",
      "/traces",
      "/tunnel_zones",
      "/vips",
    ].sort(),
  );
});

// --- hosts: registered by the emulator, as running agents would -------------------------------------------------------

describe("hosts", () => {
  test("list and get show the host registered through startEmulator, alive, with its interfaces", async () => {
    const listed = await client.hosts.list();
    expect(listed.map((h) => h.id)).toContain(HOST_ID);
    const host = await client.hosts.get(HOST_ID);
    expect(host).toMatchObject({ id: HOST_ID, name: "compute-1", alive: true, addresses: ["192.0.2.21"] });
    expect(host.hostInterfaces.map((i) => i.name)).toEqual(["eth0"]);
  });

  test("update replaces the scheduling weights and get reads them back", async () => {
    await client.hosts.update(HOST_ID, {
      floodingProxyWeight: 5,
      containerWeight: 2,
      containerLimit: 3,
      enforceContainerLimit: true,
    });
    expect(await client.hosts.get(HOST_ID)).toMatchObject({
      name: "compute-1",
      floodingProxyWeight: 5,
      containerWeight: 2,
      containerLimit: 3,
      enforceContainerLimit: true,
    });
  });
});

// --- list filters and the low-level request --------------------------------------------------------------------------

describe("queries", () => {
  test("list filters by tenantId (sent as tenant_id)", async () => {
    await client.bridges.create({ name: "a", tenantId: "t-list" });
    await client.bridges.create({ name: "b", tenantId: "t-list" });
    await client.bridges.create({ name: "c", tenantId: "t-other" });
    const listed = await client.bridges.list({ tenantId: "t-list" });
    expect(listed.map((b) => b.name).sort()).toEqual(["a", "b"]);
  });

  test("the root resource answers with the API version and its links", async () => {
    const root = await client.root.get();
    expect(root.version).toBe("v5.0");
    expect(root.bridges).toBe(`${emulator.url}/bridges`);
  });

  test("request() calls any operation with the document's names", async () => {
    const { id } = await client.bridges.create({ name: "low", tenantId: "t-low" });
    const bridge = await client.request("get", "/bridges/{id}", { params: { id } });
    expect(bridge.name).toBe("low");
    const listed = await client.request("get", "/bridges", { query: { tenant_id: "t-low" } });
    expect(listed.map((b) => b.id)).toEqual([id]);
  });
});

// --- idempotent helpers ----------------------------------------------------------------------------------------------

interface EnsureRow {
  name: string;
  ensure: (c: MidoNetClient, id: string, variant: 0 | 1) => Promise<{ id: string }>;
  field: string;
}

const ensureRows: EnsureRow[] = [
  {
    name: "bridges",
    ensure: (c, id, v) => c.bridges.ensure({ id, name: `ens-br-${v}`, tenantId: "t-ens" }),
    field: "name",
  },
  {
    name: "routers",
    ensure: (c, id, v) => c.routers.ensure({ id, name: "ens-rt", tenantId: "t-ens", adminStateUp: v === 0 }),
    field: "adminStateUp",
  },
  {
    name: "chains",
    ensure: (c, id, v) => c.chains.ensure({ id, name: "ens-chain", tenantId: `t-ens-${v}` }),
    field: "tenantId",
  },
  {
    name: "tunnel zones",
    // Tunnel zone names are unique in MidoNet: one name per id.
    ensure: (c, id, v) => c.tunnelZones.ensure({ id, name: `ens-tz-${id}`, type: v === 0 ? "vxlan" : "gre" }),
    field: "type",
  },
];

describe.each(ensureRows)("ensure on $name", (r) => {
  test("creates with the caller's id, then accepts the same content again", async () => {
    const id = randomUUID();
    const first = await r.ensure(client, id, 0);
    expect(first.id).toBe(id);
    await expect(r.ensure(client, id, 0)).resolves.toEqual(first);
  });

  test("refuses different content with a ConflictError naming the differing field", async () => {
    const id = randomUUID();
    await r.ensure(client, id, 0);
    const error = await r.ensure(client, id, 1).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConflictError", status: 409, differences: [r.field] });
    expect((error as Error).message).toContain(`id=${id} already exists with different ${r.field}`);
  });
});

// MidoNet answers 404 for an unknown bridge or chain, but 204 for an unknown router or port group (the document says
// so), so deleteIfExists cannot tell "already gone" there.
const deleteRows: {
  name: string;
  make: (c: MidoNetClient) => Promise<{ id: string }>;
  api: (c: MidoNetClient) => { deleteIfExists(id: string): Promise<boolean> };
  again: boolean;
}[] = [
  { name: "bridges", make: (c) => c.bridges.create({ name: "gone" }), api: (c) => c.bridges, again: false },
  { name: "chains", make: (c) => c.chains.create({ name: "gone" }), api: (c) => c.chains, again: false },
  { name: "routers", make: (c) => c.routers.create({ name: "gone" }), api: (c) => c.routers, again: true },
  { name: "port groups", make: (c) => c.portGroups.create({ name: "gone" }), api: (c) => c.portGroups, again: true },
];

test.each(deleteRows)("deleteIfExists on $name resolves true, then $again for an id that is gone", async (r) => {
  const { id } = await r.make(client);
  await expect(r.api(client).deleteIfExists(id)).resolves.toBe(true);
  await expect(r.api(client).deleteIfExists(id)).resolves.toBe(r.again);
  await expect(r.api(client).deleteIfExists(randomUUID())).resolves.toBe(r.again);
});
