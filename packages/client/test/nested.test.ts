// The nested resources the container adapters use, against @midonet/emulator over real HTTP: bridge and router ports,
// linking, tunnel-zone membership and host bindings, IP address group addresses (the adapters' IP allocation relies on
// the 409 for a taken address), DHCP subnets and hosts, routes and chain rules.
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConflictError, createClient, type MidoNetClient, NotFoundError, ValidationError } from "../src/index.js";

const HOST_ID = "6f1c0000-0000-4000-8000-0000000000a1";

let emulator: RunningEmulator;
let client: MidoNetClient;

beforeAll(async () => {
  emulator = await startEmulator({
    hosts: [{ id: HOST_ID, name: "node-1", interfaces: [{ name: "eth0", addresses: ["192.0.2.10"] }] }],
  });
  client = createClient({ baseUrl: emulator.url, retry: { baseDelay: 1 } });
});
afterAll(() => emulator.close());

const bridge = () => client.bridges.create({ name: "net", tenantId: "t-nested" });
const router = () => client.routers.create({ name: "gw", tenantId: "t-nested" });
const routerPort = (routerId: string, portAddress = "10.0.0.1") =>
  client.routers.ports(routerId).create({ type: "Router", portAddress, networkAddress: "10.0.0.0", networkLength: 24 });

describe("bridge and router ports", () => {
  test("a Bridge port created on a bridge belongs to it and is listed under it", async () => {
    const { id: bridgeId } = await bridge();
    const port = await client.bridges.ports(bridgeId).create({ type: "Bridge" });
    expect(port).toMatchObject({ type: "Bridge", deviceId: bridgeId, peerId: null, hostId: null });
    expect(port.uri).toBe(`${emulator.url}/ports/${port.id}`);
    expect((await client.bridges.ports(bridgeId).list()).map((p) => p.id)).toEqual([port.id]);
    expect(await client.ports.get(port.id)).toEqual(port);
  });

  test("a Router port keeps its address and network, and the router gets a local route to it", async () => {
    const { id: routerId } = await router();
    const port = await routerPort(routerId, "10.0.0.1");
    expect(port).toMatchObject({
      type: "Router",
      deviceId: routerId,
      portAddress: "10.0.0.1",
      networkAddress: "10.0.0.0",
      networkLength: 24,
    });
    expect((await client.routers.ports(routerId).list()).map((p) => p.id)).toEqual([port.id]);
    const routes = await client.routers.routes(routerId).list();
    expect(routes).toContainEqual(
      expect.objectContaining({
        type: "Local",
        dstNetworkAddr: "10.0.0.1",
        dstNetworkLength: 32,
        nextHopPort: port.id,
      }),
    );
  });

  test("link connects a router port to a bridge port on both sides, and unlink clears both", async () => {
    const [{ id: bridgeId }, { id: routerId }] = await Promise.all([bridge(), router()]);
    const bridgePort = await client.bridges.ports(bridgeId).create({ type: "Bridge" });
    const rPort = await routerPort(routerId);
    await client.ports.link(rPort.id, bridgePort.id);
    expect((await client.ports.get(bridgePort.id)).peerId).toBe(rPort.id);
    expect((await client.ports.get(rPort.id)).peerId).toBe(bridgePort.id);
    expect((await client.bridges.peerPorts(bridgeId).list()).map((p) => p.id)).toEqual([rPort.id]);
    await client.ports.unlink(rPort.id);
    expect((await client.ports.get(bridgePort.id)).peerId).toBeNull();
    expect((await client.ports.get(rPort.id)).peerId).toBeNull();
  });

  test("deleting a port removes it from its bridge", async () => {
    const { id: bridgeId } = await bridge();
    const port = await client.bridges.ports(bridgeId).create({ type: "Bridge" });
    await client.ports.delete(port.id);
    await expect(client.ports.get(port.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await client.bridges.ports(bridgeId).list()).toEqual([]);
  });
});

describe("tunnel zones and host bindings", () => {
  test("binding a port to a host outside any tunnel zone is a ConflictError with MidoNet's reason", async () => {
    const { id: bridgeId } = await bridge();
    const port = await client.bridges.ports(bridgeId).create({ type: "Bridge" });
    const other = "6f1c0000-0000-4000-8000-0000000000a2";
    emulator.hosts.register({ id: other, name: "node-2" }); // alive, as a starting agent would be
    const error = await client.hosts
      .bindings(other)
      .create({ portId: port.id, interfaceName: "veth0" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).serverMessage).toBe("The specified host is not in any tunnel zone.");
  });

  test("a host joins a tunnel zone, then a port binds to one of its interfaces and unbinds", async () => {
    const zone = await client.tunnelZones.create({ name: "tz-bind", type: "vxlan" });
    const member = await client.tunnelZones.hosts(zone.id).create({ hostId: HOST_ID, ipAddress: "192.0.2.10" });
    expect(member).toMatchObject({ tunnelZoneId: zone.id, hostId: HOST_ID, ipAddress: "192.0.2.10" });
    expect(await client.tunnelZones.hosts(zone.id).list()).toEqual([member]);
    expect(await client.tunnelZones.hosts(zone.id).get(HOST_ID)).toEqual(member);

    const { id: bridgeId } = await bridge();
    const port = await client.bridges.ports(bridgeId).create({ type: "Bridge" });
    const binding = await client.hosts.bindings(HOST_ID).create({ portId: port.id, interfaceName: "veth0" });
    expect(binding).toMatchObject({ portId: port.id, hostId: HOST_ID, interfaceName: "veth0" });
    expect(binding.uri).toBe(`${emulator.url}/hosts/${HOST_ID}/ports/${port.id}`);
    expect(await client.hosts.bindings(HOST_ID).get(port.id)).toEqual(binding);
    expect((await client.hosts.bindings(HOST_ID).list()).map((b) => b.portId)).toContain(port.id);
    expect(await client.ports.get(port.id)).toMatchObject({ hostId: HOST_ID, interfaceName: "veth0" });

    await client.hosts.bindings(HOST_ID).delete(port.id);
    expect(await client.ports.get(port.id)).toMatchObject({ hostId: null, interfaceName: null });
    expect((await client.hosts.bindings(HOST_ID).list()).map((b) => b.portId)).not.toContain(port.id);
  });

  test("ensure on a binding accepts the same binding again and names a different interface", async () => {
    const zone = await client.tunnelZones.create({ name: "tz-ensure", type: "vxlan" });
    await client.tunnelZones.hosts(zone.id).ensure({ hostId: HOST_ID, ipAddress: "192.0.2.10" });
    const { id: bridgeId } = await bridge();
    const port = await client.bridges.ports(bridgeId).create({ type: "Bridge" });
    const bindings = client.hosts.bindings(HOST_ID);
    const first = await bindings.ensure({ portId: port.id, interfaceName: "tap-1" });
    await expect(bindings.ensure({ portId: port.id, interfaceName: "tap-1" })).resolves.toEqual(first);
    const error = await bindings.ensure({ portId: port.id, interfaceName: "tap-2" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ConflictError", differences: ["interfaceName"] });
  });
});

describe("IP address group addresses", () => {
  test("an address is added, listed, read and deleted through the versions path", async () => {
    const group = await client.ipAddrGroups.create({ name: "pods" });
    await client.ipAddrGroups.ipAddrs(group.id).create({ version: 4, addr: "10.1.0.5" });
    const listed = await client.ipAddrGroups.ipAddrs(group.id).list();
    expect(listed).toEqual([expect.objectContaining({ version: 4, addr: "10.1.0.5", ipAddrGroupId: group.id })]);
    const v4 = client.ipAddrGroups.versions(group.id).ipAddrs(4);
    expect(await v4.get("10.1.0.5")).toMatchObject({ addr: "10.1.0.5", version: 4 });
    await v4.delete("10.1.0.5");
    await expect(v4.get("10.1.0.5")).rejects.toBeInstanceOf(NotFoundError);
    expect(await client.ipAddrGroups.ipAddrs(group.id).list()).toEqual([]);
  });

  test("adding a taken address is a ConflictError: the allocation of a free address relies on it", async () => {
    const group = await client.ipAddrGroups.create({ name: "alloc" });
    const addrs = client.ipAddrGroups.ipAddrs(group.id);
    await addrs.create({ version: 4, addr: "10.1.0.7" });
    const error = (await addrs.create({ version: 4, addr: "10.1.0.7" }).catch((e: unknown) => e)) as ConflictError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, serverMessage: "IP address group already contains IP 10.1.0.7." });
    // Two allocators racing for the same address: exactly one wins.
    const race = await Promise.allSettled([
      addrs.create({ version: 4, addr: "10.1.0.8" }),
      addrs.create({ version: 4, addr: "10.1.0.8" }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(race.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(ConflictError) });
  });

  test("an IPv6 address is read back under version 6", async () => {
    const group = await client.ipAddrGroups.create({ name: "v6" });
    await client.ipAddrGroups.ipAddrs(group.id).create({ version: 6, addr: "fd00::5" });
    expect(await client.ipAddrGroups.versions(group.id).ipAddrs(6).get("fd00::5")).toMatchObject({ version: 6 });
  });
});

describe("DHCP", () => {
  test("a subnet is created, listed, read by prefix_length, updated and deleted", async () => {
    const { id: bridgeId } = await bridge();
    const dhcp = client.bridges.dhcp(bridgeId);
    const subnet = await dhcp.create({ subnetPrefix: "10.2.0.0", subnetLength: 24, defaultGateway: "10.2.0.1" });
    expect(subnet).toMatchObject({ subnetPrefix: "10.2.0.0", subnetLength: 24, defaultGateway: "10.2.0.1" });
    expect(subnet.uri).toBe(`${emulator.url}/bridges/${bridgeId}/dhcp/10.2.0.0_24`);
    expect(await dhcp.list()).toEqual([subnet]);
    expect(await dhcp.get("10.2.0.0_24")).toEqual(subnet);
    await dhcp.update("10.2.0.0_24", {
      subnetPrefix: "10.2.0.0",
      subnetLength: 24,
      defaultGateway: "10.2.0.254",
      dnsServerAddrs: ["10.2.0.2"],
    });
    expect(await dhcp.get("10.2.0.0_24")).toMatchObject({ defaultGateway: "10.2.0.254", dnsServerAddrs: ["10.2.0.2"] });
    await dhcp.delete("10.2.0.0_24");
    await expect(dhcp.get("10.2.0.0_24")).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a host entry maps a MAC to an address in the subnet and is read back by MAC", async () => {
    const { id: bridgeId } = await bridge();
    await client.bridges.dhcp(bridgeId).create({ subnetPrefix: "10.3.0.0", subnetLength: 24 });
    const hosts = client.bridges.dhcp(bridgeId).hosts("10.3.0.0_24");
    const host = await hosts.create({ macAddr: "02:00:00:00:00:01", ipAddr: "10.3.0.5", name: "pod-1" });
    expect(host).toMatchObject({ macAddr: "02:00:00:00:00:01", ipAddr: "10.3.0.5", name: "pod-1" });
    expect(await hosts.list()).toEqual([host]);
    expect(await hosts.get("02:00:00:00:00:01")).toEqual(host);
    await hosts.delete("02:00:00:00:00:01");
    expect(await hosts.list()).toEqual([]);
  });
});

describe("routes", () => {
  test("a route through a router port is created, listed under its router, read and deleted", async () => {
    const { id: routerId } = await router();
    const port = await routerPort(routerId);
    const route = await client.routers.routes(routerId).create({
      type: "Normal",
      srcNetworkAddr: "0.0.0.0",
      srcNetworkLength: 0,
      dstNetworkAddr: "10.9.0.0",
      dstNetworkLength: 16,
      nextHopPort: port.id,
      nextHopGateway: "10.0.0.254",
      weight: 100,
    });
    expect(route).toMatchObject({ routerId, dstNetworkAddr: "10.9.0.0", nextHopPort: port.id, learned: false });
    expect(route.uri).toBe(`${emulator.url}/routes/${route.id}`);
    expect((await client.routers.routes(routerId).list()).map((r) => r.id)).toContain(route.id);
    expect(await client.routes.get(route.id)).toEqual(route);
    await client.routes.delete(route.id);
    await expect(client.routes.get(route.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("a route without its next-hop port is refused with a ValidationError", async () => {
    const { id: routerId } = await router();
    const error = await client.routers
      .routes(routerId)
      .create({ type: "Normal", srcNetworkAddr: "0.0.0.0", dstNetworkAddr: "10.9.0.0", dstNetworkLength: 16 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
  });
});

describe("chain rules", () => {
  test("rules go in at their position (first by default), are read back by id and deleted", async () => {
    const chain = await client.chains.create({ name: "filter", tenantId: "t-nested" });
    const rules = client.chains.rules(chain.id);
    const accept = await rules.create({ type: "accept", nwSrcAddress: "10.0.0.0", nwSrcLength: 8 });
    const drop = await rules.create({ type: "drop", position: 2 });
    const reject = await rules.create({ type: "reject" });
    expect(accept).toMatchObject({ type: "accept", chainId: chain.id, nwSrcAddress: "10.0.0.0", nwSrcLength: 8 });
    expect(accept.uri).toBe(`${emulator.url}/rules/${accept.id}`);
    expect((await rules.list()).map((r) => r.type)).toEqual(["reject", "accept", "drop"]);
    expect(await client.rules.get(drop.id)).toMatchObject({ id: drop.id, type: "drop", chainId: chain.id });
    await client.rules.delete(accept.id);
    expect((await rules.list()).map((r) => r.id)).toEqual([reject.id, drop.id]);
  });
});
