import { describe, expectTypeOf, test } from "vitest";
import { type components, createClient, type MidoNetClient, type QueryOf } from "../src/index.js";

const client: MidoNetClient = createClient();
type Bridge = components["schemas"]["Bridge"];

describe("resource types", () => {
  test("methods are typed from the document", () => {
    expectTypeOf(client.bridges.list).parameter(0).toEqualTypeOf<{ tenantId?: string } | undefined>();
    expectTypeOf<Awaited<ReturnType<typeof client.bridges.get>>>().toHaveProperty("uri").toEqualTypeOf<string>();
    expectTypeOf<Awaited<ReturnType<typeof client.bridges.create>>>().toHaveProperty("vxLanPortIds");
    expectTypeOf<Awaited<ReturnType<typeof client.bridges.delete>>>().toBeVoid();
    expectTypeOf<Awaited<ReturnType<typeof client.bridges.deleteIfExists>>>().toBeBoolean();
    expectTypeOf<QueryOf<"/bridges", "get">>().toEqualTypeOf<{ tenantId?: string }>();
    expectTypeOf<Awaited<ReturnType<typeof client.bridges.get>>>()
      .toHaveProperty("name")
      .toEqualTypeOf<string | null>();
    expectTypeOf<Bridge>().not.toBeAny();
  });

  test("wrong field names fail to compile", () => {
    // @ts-expect-error: `nmae` is not a Bridge field
    void client.bridges.create({ nmae: "br0" });
    // @ts-expect-error: `adminStateUp` is a boolean
    void client.bridges.create({ adminStateUp: "yes" });
    // @ts-expect-error: the query parameter is camelCase `tenantId`
    void client.bridges.list({ tenant_id: "t" });
    // @ts-expect-error: `uri` is readOnly: not part of a create body
    void client.bridges.create({ name: "br0", uri: "http://x" });
    // @ts-expect-error: `vxLanPortIds` is readOnly
    void client.bridges.update("id", { vxLanPortIds: [] });
  });

  test("ensure requires the client-chosen id", () => {
    // @ts-expect-error: ensure without id
    void client.bridges.ensure({ name: "br0" });
    void client.bridges.ensure({ id: "6f1c0000-0000-4000-8000-000000000001", name: "br0" });
  });

  test("request() checks the path, method, params and query", () => {
    // @ts-expect-error: no such path
    void client.request("get", "/bridgez");
    // @ts-expect-error: /bridges has no DELETE
    void client.request("delete", "/bridges");
    // @ts-expect-error: the path param is `id`
    void client.request("get", "/bridges/{id}", { params: { bridgeId: "x" } });
    expectTypeOf(client.request("get", "/bridges/{id}", { params: { id: "x" } })).resolves.toHaveProperty("name");
    expectTypeOf(client.request("get", "/bridges", { query: { tenant_id: "t" } })).resolves.toBeArray();
  });
});

describe("port types", () => {
  test("a bridge port must have a bridge port type", () => {
    void client.bridges.ports("b").create({ type: "Bridge" });
    // @ts-expect-error: a router port type on a bridge
    void client.bridges.ports("b").create({ type: "Router" });
    // @ts-expect-error: not a port type at all
    void client.bridges.ports("b").create({ type: "Brigde" });
    void client.routers.routes("r").list();
    void client.hosts.bindings("h").create({ portId: "p", interfaceName: "eth0" });
    // @ts-expect-error: `interface` is not a binding field
    void client.hosts.bindings("h").create({ portId: "p", interface: "eth0" });
  });

  test("a router port must have a router port type and typed addresses", () => {
    void client.routers.ports("r").create({ type: "Router", portAddress: "10.0.0.1", networkLength: 24 });
    // @ts-expect-error: a bridge port type on a router
    void client.routers.ports("r").create({ type: "Bridge" });
    // @ts-expect-error: `networkLength` is a number
    void client.routers.ports("r").create({ type: "Router", networkLength: "24" });
    // @ts-expect-error: `address` is not a router port field (it is `portAddress`)
    void client.routers.ports("r").create({ type: "Router", address: "10.0.0.1" });
  });

  test("the nested resources the adapters use check their fields", () => {
    void client.ports.link("p", "peer");
    // @ts-expect-error: link takes the peer's id, not an object
    void client.ports.link("p", { peerId: "peer" });
    void client.tunnelZones.hosts("tz").create({ hostId: "h", ipAddress: "192.0.2.1" });
    // @ts-expect-error: the member is `hostId`
    void client.tunnelZones.hosts("tz").create({ host: "h", ipAddress: "192.0.2.1" });
    void client.ipAddrGroups.ipAddrs("g").create({ version: 4, addr: "10.0.0.1" });
    // @ts-expect-error: `version` is 4 or 6
    void client.ipAddrGroups.ipAddrs("g").create({ version: 5, addr: "10.0.0.1" });
    // @ts-expect-error: the field is `addr`
    void client.ipAddrGroups.ipAddrs("g").create({ version: 4, address: "10.0.0.1" });
    // @ts-expect-error: a tunnel zone type is gre, vxlan or vtep
    void client.tunnelZones.create({ name: "tz", type: "geneve" });
    void client.bridges.dhcp("b").hosts("10.0.0.0_24").create({ macAddr: "02:00:00:00:00:01", ipAddr: "10.0.0.5" });
    // @ts-expect-error: the field is `macAddr`
    void client.bridges.dhcp("b").hosts("10.0.0.0_24").create({ mac: "02:00:00:00:00:01", ipAddr: "10.0.0.5" });
  });
});
