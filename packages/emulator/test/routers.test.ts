// Routers: /routers, /routers/{id}, router ports, peer ports, peering table (reference §4, §7.1, §7.2, §8, §9.2;
// RS/RouterResource.scala, RS/PortResource.scala RouterPortResource / RouterPeerPortResource, MM/Router.java).
import { describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();
const { create, getJson: get } = emu;

const MIDONET_MAC = /^ac:ca:ba(:[0-9a-f]{2}){3}$/;

describe("router CRUD (§7.1, §9.2, MM/Router.java)", () => {
  it("create: 201 + Location; every field with defaults, links as absolute URIs", async () => {
    const chain = await create("/chains", { name: "in" });
    const res = await emu.api("POST", "/routers", { body: { name: "r1", tenantId: "t", inboundFilterId: chain } });
    expect(res.status).toBe(201);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${emu.url}/routers/[0-9a-f-]{36}$`));
    const router = (await emu.raw("GET", location, { headers: { accept: "application/json" } })).json;
    expect(router).toEqual({
      id: location.split("/").pop(),
      tenantId: "t",
      name: "r1",
      adminStateUp: true,
      inboundFilterId: chain,
      outboundFilterId: null,
      loadBalancerId: null,
      asNumber: 0,
      inboundMirrorIds: [],
      outboundMirrorIds: [],
      localRedirectChainId: null,
      forwardChainId: null,
      uri: location,
      inboundFilter: `${emu.url}/chains/${chain}`,
      outboundFilter: null,
      ports: `${location}/ports`,
      peerPorts: `${location}/peer_ports`,
      routes: `${location}/routes`,
      bgpNetworks: `${location}/bgp_networks`,
      bgpPeers: `${location}/bgp_peers`,
      loadBalancer: null,
      localRedirectChain: null,
      forwardChain: null,
    });
  });

  it.each([
    { ref: "§8 inboundFilterId must exist", body: { inboundFilterId: uuid(901) }, kind: "Chain", id: uuid(901) },
    {
      ref: "§8 localRedirectChainId must exist",
      body: { localRedirectChainId: uuid(902) },
      kind: "Chain",
      id: uuid(902),
    },
    { ref: "§8 mirrors must exist", body: { inboundMirrorIds: [uuid(903)] }, kind: "Mirror", id: uuid(903) },
  ])("$ref → 404", async (c) => {
    const res = await emu.api("POST", "/routers", { body: c.body });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no ${c.kind} with ID ${c.id}.`);
  });

  it("§9.2 forwardChainId has no binding: stored without an existence check", async () => {
    const id = await create("/routers", { forwardChainId: uuid(904) });
    expect((await get(`/routers/${id}`)).forwardChain).toBe(`${emu.url}/chains/${uuid(904)}`);
  });

  it("§7.1 list filters by tenant_id exactly", async () => {
    await create("/routers", { name: "ta", tenantId: "tenant-a" });
    await create("/routers", { name: "tb", tenantId: "tenant-b" });
    expect((await get("/routers?tenant_id=tenant-a")).map((r: any) => r.name)).toEqual(["ta"]);
  });

  it("§4 PUT replaces the router but keeps id, ports, routes and BGP (Router.update)", async () => {
    const id = await create("/routers", { name: "keep", tenantId: "t", asNumber: 65000, adminStateUp: false });
    const port = await create(`/routers/${id}/ports`, { type: "Router", portAddress: "10.0.0.1", networkLength: 24 });
    const peer = await create(`/routers/${id}/bgp_peers`, { address: "10.0.0.2", asNumber: 1 });
    const put = await emu.api("PUT", `/routers/${id}`, { body: { name: "renamed", id: uuid(905) } });
    expect(put.status).toBe(204);
    expect(await get(`/routers/${id}`)).toMatchObject({
      id,
      name: "renamed",
      tenantId: null,
      asNumber: 0,
      adminStateUp: true,
    });
    expect((await get(`/routers/${id}/ports`)).map((p: any) => p.id)).toEqual([port]);
    expect((await get(`/routers/${id}/bgp_peers`)).map((p: any) => p.id)).toEqual([peer]);
    expect((await get(`/routers/${id}/routes`)).length).toBe(1);
  });

  it("§4 GET/PUT of a missing router answer 404; DELETE of a missing router answers 204 (generic delete)", async () => {
    const missing = uuid(906);
    for (const method of ["GET", "PUT"]) {
      const res = await emu.api(method, `/routers/${missing}`, { body: method === "PUT" ? {} : undefined });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ message: `There is no Router with ID ${missing}.`, code: 404 });
    }
    expect((await emu.api("DELETE", `/routers/${missing}`)).status).toBe(204);
  });
});

describe("router delete (§8 bindings)", () => {
  it("cascades to ports, their routes, the router's routes, BGP networks and BGP peers", async () => {
    const id = await create("/routers");
    const port = await create(`/routers/${id}/ports`, { type: "Router", portAddress: "10.1.0.1", networkLength: 24 });
    const normal = await create(`/routers/${id}/routes`, {
      type: "Normal",
      srcNetworkAddr: "0.0.0.0",
      dstNetworkAddr: "10.9.0.0",
      dstNetworkLength: 16,
      nextHopPort: port,
    });
    const blackhole = await create(`/routers/${id}/routes`, {
      type: "BlackHole",
      srcNetworkAddr: "0.0.0.0",
      dstNetworkAddr: "10.8.0.0",
    });
    const local = (await get(`/routers/${id}/routes`)).find((r: any) => r.type === "Local").id;
    const network = await create(`/routers/${id}/bgp_networks`, { subnetAddress: "10.7.0.0", subnetLength: 16 });
    const peer = await create(`/routers/${id}/bgp_peers`, { address: "10.1.0.2", asNumber: 65001 });

    expect((await emu.api("DELETE", `/routers/${id}`)).status).toBe(204);
    for (const path of [
      `/routers/${id}`,
      `/ports/${port}`,
      `/routes/${normal}`,
      `/routes/${blackhole}`,
      `/routes/${local}`,
      `/bgp_networks/${network}`,
      `/bgp_peers/${peer}`,
    ]) {
      expect((await emu.api("GET", path)).status, path).toBe(404);
    }
  });

  it("is refused with 409 while loadBalancerId is set, and works once it is cleared", async () => {
    const lb = await create("/load_balancers", {});
    const id = await create("/routers", { loadBalancerId: lb });
    expect((await get(`/routers/${id}`)).loadBalancer).toBe(`${emu.url}/load_balancers/${lb}`);
    const res = await emu.api("DELETE", `/routers/${id}`);
    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      message: `Cannot delete the Router with ID ${lb} because it is still referenced by the LoadBalancer with ID ${lb}.`,
      code: 409,
    });
    expect((await emu.api("PUT", `/routers/${id}`, { body: { loadBalancerId: null } })).status).toBe(204);
    expect((await emu.api("DELETE", `/routers/${id}`)).status).toBe(204);
  });

  it("a load balancer that belongs to another router answers 409", async () => {
    const lb = await create("/load_balancers", {});
    await create("/routers", { loadBalancerId: lb });
    const res = await emu.api("POST", "/routers", { body: { loadBalancerId: lb } });
    expect(res.status).toBe(409);
  });
});

describe("router ports (§7.2 RouterPortResource)", () => {
  it("create: 201 + /ports/{id}; tunnel key, random ac:ca:ba MAC, addresses; listed in router order", async () => {
    const router = await create("/routers");
    const res = await emu.api("POST", `/routers/${router}/ports`, {
      body: { type: "Router", portAddress: "10.2.0.1", networkAddress: "10.2.0.0", networkLength: 24 },
    });
    expect(res.status).toBe(201);
    expect(String(res.headers.location)).toMatch(new RegExp(`^${emu.url}/ports/[0-9a-f-]{36}$`));
    const first = String(res.headers.location).split("/").pop()!;
    const second = await create(`/routers/${router}/ports`, { type: "Router", portSubnet: ["10.3.0.1/16"] });
    const ports = await get(`/routers/${router}/ports`);
    expect(ports.map((p: any) => p.id)).toEqual([first, second]);
    expect(ports[0]).toMatchObject({
      type: "Router",
      deviceId: router,
      device: `${emu.url}/routers/${router}`,
      portAddress: "10.2.0.1",
      networkAddress: "10.2.0.0",
      networkLength: 24,
      peeringTable: `${emu.url}/routers/${router}/ports/${first}/peering_table`,
    });
    expect(ports[0].portMac).toMatch(MIDONET_MAC);
    expect(ports[1]).toMatchObject({ portAddress: "10.3.0.1", networkAddress: "10.3.0.0", networkLength: 16 });
    expect(ports[1].tunnelKey).toBeGreaterThan(ports[0].tunnelKey);
  });

  it("a given portMac is kept", async () => {
    const router = await create("/routers");
    const port = await create(`/routers/${router}/ports`, {
      type: "Router",
      portAddress: "10.4.0.1",
      portMac: "02:00:00:00:00:01",
    });
    expect((await get(`/ports/${port}`)).portMac).toBe("02:00:00:00:00:01");
  });

  it("a missing router answers 404 on list and create", async () => {
    const missing = uuid(910);
    const list = await emu.api("GET", `/routers/${missing}/ports`);
    expect(list.status).toBe(404);
    expect(list.json.message).toBe(`There is no Router with ID ${missing}.`);
    const res = await emu.api("POST", `/routers/${missing}/ports`, {
      body: { type: "Router", portAddress: "10.0.0.1" },
    });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Router with ID ${missing}.`);
  });

  it("a body with neither portAddress nor portSubnet fails with 500 and creates nothing (null portSubnet loop)", async () => {
    const router = await create("/routers");
    const res = await emu.api("POST", `/routers/${router}/ports`, { body: { type: "Router" } });
    expect(res.status).toBe(500);
    expect(await get(`/routers/${router}/ports`)).toEqual([]);
  });

  it("a bridge port type is a JSON mapping error (400)", async () => {
    const router = await create("/routers");
    const res = await emu.api("POST", `/routers/${router}/ports`, { body: { type: "Bridge" } });
    expect(res.status).toBe(400);
  });

  it("peer_ports lists the peers of the router's linked ports, without computed state", async () => {
    const router = await create("/routers");
    const bridge = await emu.createBridge();
    const rp = await create(`/routers/${router}/ports`, { type: "Router", portAddress: "10.5.0.1", networkLength: 24 });
    await create(`/routers/${router}/ports`, { type: "Router", portAddress: "10.6.0.1", networkLength: 24 });
    const bp = await create(`/bridges/${bridge}/ports`, { type: "Bridge" });
    expect((await emu.api("POST", `/ports/${rp}/link`, { body: { peerId: bp } })).status).toBe(201);
    const peers = await get(`/routers/${router}/peer_ports`);
    expect(peers.map((p: any) => p.id)).toEqual([bp]);
    expect(peers[0]).toMatchObject({ type: "Bridge", active: false, peerId: rp });
    expect((await emu.api("GET", `/routers/${uuid(911)}/peer_ports`)).status).toBe(404);
  });
});

describe("router port peering table (RouterPortResource peering methods)", () => {
  const MAC_IP = "application/vnd.org.midonet.MacIp-v1+json";
  const post = (router: string, port: string, body: unknown) =>
    emu.api("POST", `/routers/${router}/ports/${port}/peering_table`, { body, headers: { "content-type": MAC_IP } });

  it("add, list, get and delete an entry; URIs use '-' in the MAC", async () => {
    const router = await create("/routers");
    const port = await create(`/routers/${router}/ports`, { type: "Router", portAddress: "10.7.0.1" });
    const table = `${emu.url}/routers/${router}/ports/${port}/peering_table`;
    const res = await post(router, port, { ip: "10.7.0.2", mac: "AA:bb:cc:dd:ee:0f" });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${table}/10.7.0.2_AA-bb-cc-dd-ee-0f`);
    const list = await get(`/routers/${router}/ports/${port}/peering_table`);
    expect(list).toEqual([{ ip: "10.7.0.2", mac: "aa:bb:cc:dd:ee:0f", uri: `${table}/10.7.0.2_aa-bb-cc-dd-ee-0f` }]);
    const one = await emu.api("GET", `/routers/${router}/ports/${port}/peering_table/10.7.0.2_aa-bb-cc-dd-ee-0f`);
    expect(one.status).toBe(200);
    expect(one.json).toEqual(list[0]);
    const dup = await post(router, port, { ip: "10.7.0.2", mac: "aa:bb:cc:dd:ee:0f" });
    expect(dup.status).toBe(409);
    expect(dup.json.message).toBe("Conflicting write");
    const del = await emu.api("DELETE", `/routers/${router}/ports/${port}/peering_table/10.7.0.2_aa-bb-cc-dd-ee-0f`);
    expect(del.status).toBe(204);
    expect(await get(`/routers/${router}/ports/${port}/peering_table`)).toEqual([]);
    // Removing an absent entry is not an error.
    expect(
      (await emu.api("DELETE", `/routers/${router}/ports/${port}/peering_table/10.7.0.2_aa-bb-cc-dd-ee-0f`)).status,
    ).toBe(204);
  });

  it("a missing entry answers 500 without a body (message key PeeringEntryNotFound is missing)", async () => {
    const router = await create("/routers");
    const port = await create(`/routers/${router}/ports`, { type: "Router", portAddress: "10.7.1.1" });
    const res = await emu.api("GET", `/routers/${router}/ports/${port}/peering_table/10.7.1.9_aa-bb-cc-dd-ee-ff`);
    expect(res.status).toBe(500);
    expect(res.text).toBe("");
  });

  it.each([
    { ref: "bad IP in the path", pair: "10.7.300.1_aa-bb-cc-dd-ee-ff", message: "is not a valid IP address" },
    {
      ref: "bad MAC in the path",
      pair: "10.7.2.1_aa-bb-cc",
      message: "MAC address string must be 6 words of 1 or 2 hex digits joined with 5 ':'",
    },
  ])("$ref → 400", async (c) => {
    const router = await create("/routers");
    const port = await create(`/routers/${router}/ports`, { type: "Router", portAddress: "10.7.2.1" });
    const res = await emu.api("GET", `/routers/${router}/ports/${port}/peering_table/${c.pair}`);
    expect(res.status).toBe(400);
    expect(res.json.message).toBe(c.message);
  });

  it("a body violation answers 400 with violations; a missing port answers 404 'Resource not found'", async () => {
    const router = await create("/routers");
    const port = await create(`/routers/${router}/ports`, { type: "Router", portAddress: "10.7.3.1" });
    const bad = await post(router, port, { ip: "10.7.3.2" });
    expect(bad.status).toBe(400);
    expect(bad.json.violations).toEqual([{ property: "mac", message: "may not be null" }]);
    const missing = await emu.api("GET", `/routers/${router}/ports/${uuid(912)}/peering_table`);
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe("Resource not found");
  });

  it("the table goes with its port", async () => {
    const router = await create("/routers");
    const id = uuid(913);
    await create(`/routers/${router}/ports`, { id, type: "Router", portAddress: "10.7.4.1" });
    expect((await post(router, id, { ip: "10.7.4.2", mac: "aa:bb:cc:dd:ee:01" })).status).toBe(201);
    expect((await emu.api("DELETE", `/ports/${id}`)).status).toBe(204);
    expect((await emu.api("GET", `/routers/${router}/ports/${id}/peering_table`)).status).toBe(404);
    await create(`/routers/${router}/ports`, { id, type: "Router", portAddress: "10.7.4.1" });
    expect(await get(`/routers/${router}/ports/${id}/peering_table`)).toEqual([]);
  });
});
