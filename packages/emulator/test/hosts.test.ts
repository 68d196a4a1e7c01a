// Group C, hosts: /hosts, interfaces and host-interface-port bindings (RS/HostResource.scala,
// RS/InterfaceResource.scala, RS/HostInterfacePortResource.scala; reference §7.1, §7.2, §9.13-§9.15).
import { describe, expect, it } from "vitest";
import { idOf, TestEmulator, uuid } from "./helpers.js";

const HIP_COLLECTION = "application/vnd.org.midonet.collection.HostInterfacePort-v1+json";
const TZH = "application/vnd.org.midonet.TunnelZoneHost-v1+json";
const ALIVE = uuid(1);
const DOWN = uuid(2);

let counter = 100;
const emu = TestEmulator.forSuite({
  hosts: [
    {
      id: ALIVE,
      name: "alive",
      interfaces: [
        {
          name: "eth0",
          mac: "02:00:00:00:00:01",
          mtu: 1500,
          addresses: ["10.0.0.1", "fe80:0:0:0:0:0:0:1"],
          status: 3,
        },
      ],
    },
    { id: DOWN, name: "down", alive: false },
  ],
});

/** A host that no agent runs for (POST /hosts, the generic create). */
async function downHost(): Promise<string> {
  const id = uuid(++counter);
  const res = await emu.api("POST", "/hosts", { body: { id, name: `h${counter}` } });
  expect(res.status).toBe(201);
  return id;
}

async function bridgePort(): Promise<string> {
  const bridge = await emu.createBridge();
  const res = await emu.api("POST", `/bridges/${bridge}/ports`, { body: { type: "Bridge" } });
  expect(res.status).toBe(201);
  return idOf(res.headers.location);
}

async function joinZone(hostId: string): Promise<string> {
  const zone = await emu.api("POST", "/tunnel_zones", { body: { name: `z-${hostId}-${++counter}`, type: "gre" } });
  const zoneId = idOf(zone.headers.location);
  const res = await emu.api("POST", `/tunnel_zones/${zoneId}/hosts`, {
    body: { hostId, ipAddress: "10.1.1.1" },
    headers: { "content-type": TZH, accept: TZH },
  });
  expect(res.status).toBe(201);
  return zoneId;
}

const bind = (hostId: string, body: Record<string, unknown>) => emu.api("POST", `/hosts/${hostId}/ports`, { body });

describe("hosts (reference §9.13, MM/Host.java)", () => {
  it("§9.13 a registered host reads alive with its agent's interfaces and addresses", async () => {
    const res = await emu.api("GET", `/hosts/${ALIVE}`);
    expect(res.status).toBe(200);
    const self = `${emu.url}/hosts/${ALIVE}`;
    expect(res.json).toEqual({
      id: ALIVE,
      name: "alive",
      addresses: ["10.0.0.1", "fe80:0:0:0:0:0:0:1"],
      hostInterfaces: [
        {
          hostId: ALIVE,
          name: "eth0",
          mac: "02:00:00:00:00:01",
          mtu: 1500,
          type: null,
          endpoint: null,
          portType: null,
          addresses: ["10.0.0.1", "fe80:0:0:0:0:0:0:1"],
          status: 3,
          uri: `${self}/interfaces/eth0`,
        },
      ],
      alive: true,
      floodingProxyWeight: 1,
      containerWeight: 1,
      containerLimit: -1,
      enforceContainerLimit: false,
      uri: self,
      interfaces: `${self}/interfaces`,
      ports: `${self}/ports`,
    });
  });

  it("§7.1 the list holds every host in storage order with alive from the registry", async () => {
    const res = await emu.api("GET", "/hosts");
    expect(res.json.slice(0, 2).map((h: any) => [h.id, h.alive])).toEqual([
      [ALIVE, true],
      [DOWN, false],
    ]);
  });

  it("POST /hosts stores name and weights, defaults the rest; a duplicate id answers 409", async () => {
    const id = uuid(900);
    const res = await emu.api("POST", "/hosts", { body: { id, name: "x", containerLimit: 4, alive: true } });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${emu.url}/hosts/${id}`);
    const get = await emu.api("GET", `/hosts/${id}`);
    expect(get.json).toMatchObject({
      name: "x",
      alive: false,
      containerLimit: 4,
      floodingProxyWeight: 1,
      hostInterfaces: [],
    });
    const dup = await emu.api("POST", "/hosts", { body: { id } });
    expect(dup.status).toBe(409);
    expect(dup.json.message).toBe(`A(n) Host with ID ${id} already exists.`);
  });

  it("PUT answers 200 with no body, changes only the four weights and keeps name", async () => {
    const id = await downHost();
    const body = {
      name: "renamed",
      floodingProxyWeight: 0,
      containerWeight: 5,
      containerLimit: 2,
      enforceContainerLimit: true,
    };
    const res = await emu.api("PUT", `/hosts/${id}`, { body });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const get = await emu.api("GET", `/hosts/${id}`);
    expect(get.json).toMatchObject({
      name: `h${counter}`,
      floodingProxyWeight: 0,
      containerWeight: 5,
      containerLimit: 2,
      enforceContainerLimit: true,
    });
  });

  const full = { floodingProxyWeight: 1, containerWeight: 1, containerLimit: -1, enforceContainerLimit: false };
  it.each([
    ["floodingProxyWeight", "Flooding proxy weight must not be null."],
    ["containerWeight", "Container weight must not be null."],
    ["containerLimit", "Container limit must not be null."],
    ["enforceContainerLimit", "Enforce container limit must not be null."],
  ])("RS/HostResource.scala update: %s null → 400 %s", async (field, message) => {
    const res = await emu.api("PUT", `/hosts/${DOWN}`, { body: { ...full, [field]: null } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message, code: 400 });
  });

  it("RS/HostResource.scala update: absent fields count as null (first one reported)", async () => {
    const res = await emu.api("PUT", `/hosts/${DOWN}`, { body: { name: "only" } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message: "Flooding proxy weight must not be null.", code: 400 });
  });

  it("PUT of a missing host answers 404 before checking the body", async () => {
    const res = await emu.api("PUT", `/hosts/${uuid(404)}`, { body: {} });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Host with ID ${uuid(404)}.`);
  });
});

describe("host deletion (RS/HostResource.scala delete)", () => {
  it("403 while the agent is alive", async () => {
    const res = await emu.api("DELETE", `/hosts/${ALIVE}`);
    expect(res.status).toBe(403);
    expect(res.json).toEqual({ message: `Cannot delete host ${ALIVE} because it is active.`, code: 403 });
  });

  it("404 for an unknown host", async () => {
    const res = await emu.api("DELETE", `/hosts/${uuid(405)}`);
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Host with ID ${uuid(405)}.`);
  });

  it("403 while ports are bound, with the binding count", async () => {
    const host = await downHost();
    await joinZone(host);
    await bind(host, { portId: await bridgePort(), interfaceName: "a" });
    await bind(host, { portId: await bridgePort(), interfaceName: "b" });
    const res = await emu.api("DELETE", `/hosts/${host}`);
    expect(res.status).toBe(403);
    expect(res.json.message).toBe(`Cannot delete host ${host} because it has 2 binding(s).`);
  });

  it("200 with no body; the host leaves its tunnel zones", async () => {
    const host = await downHost();
    const zone = await joinZone(host);
    const res = await emu.api("DELETE", `/hosts/${host}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect((await emu.api("GET", `/hosts/${host}`)).status).toBe(404);
    const members = await emu.api("GET", `/tunnel_zones/${zone}/hosts`, {
      headers: { accept: "application/vnd.org.midonet.collection.TunnelZoneHost-v1+json" },
    });
    expect(members.json).toEqual([]);
  });

  it("after setAlive(false) a registered host can be deleted", async () => {
    const id = uuid(950);
    emu.emulator.hosts.register({ id });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await emu.api("DELETE", `/hosts/${id}`)).status).toBe(403);
    emu.emulator.hosts.setAlive(id, false);
    expect((await emu.api("DELETE", `/hosts/${id}`)).status).toBe(200);
  });
});

describe("host interfaces (RS/InterfaceResource.scala)", () => {
  it("list and get read the registry's interfaces", async () => {
    const list = await emu.api("GET", `/hosts/${ALIVE}/interfaces`);
    expect(list.status).toBe(200);
    expect(list.json.map((i: any) => i.name)).toEqual(["eth0"]);
    const one = await emu.api("GET", `/hosts/${ALIVE}/interfaces/eth0`);
    expect(one.json).toEqual(list.json[0]);
  });

  it.each([
    ["a host without reported interfaces", () => DOWN],
    ["an unknown host (no 404)", () => uuid(406)],
  ])("%s lists []", async (_name, host) => {
    const res = await emu.api("GET", `/hosts/${host()}/interfaces`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual([]);
  });

  it("an unknown interface answers 404 Interface not found", async () => {
    const res = await emu.api("GET", `/hosts/${ALIVE}/interfaces/nope`);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ message: "Interface not found", code: 404 });
  });
});

describe("host-interface-port bindings (RS/HostInterfacePortResource.scala)", () => {
  it("bind sets the port's hostId and interfaceName; list, get and Location agree", async () => {
    const host = await downHost();
    await joinZone(host);
    const portId = await bridgePort();
    const res = await bind(host, { portId, interfaceName: "tap0", hostId: uuid(999) });
    expect(res.status).toBe(201);
    const self = `${emu.url}/hosts/${host}/ports/${portId}`;
    expect(res.headers.location).toBe(self);
    const port = await emu.api("GET", `/ports/${portId}`);
    expect(port.json).toMatchObject({ hostId: host, interfaceName: "tap0" });
    const expected = {
      portId,
      hostId: host,
      interfaceName: "tap0",
      uri: self,
      host: `${emu.url}/hosts/${host}`,
      port: `${emu.url}/ports/${portId}`,
    };
    const list = await emu.api("GET", `/hosts/${host}/ports`, { headers: { accept: HIP_COLLECTION } });
    expect(list.json).toEqual([expected]);
    const get = await emu.api("GET", `/hosts/${host}/ports/${portId}`);
    expect(get.json).toEqual(expected);
  });

  it("the list follows the binding order", async () => {
    const host = await downHost();
    await joinZone(host);
    const ports = [await bridgePort(), await bridgePort(), await bridgePort()];
    for (const [i, portId] of ports.entries()) {
      expect((await bind(host, { portId, interfaceName: `if${i}` })).status).toBe(201);
    }
    const list = await emu.api("GET", `/hosts/${host}/ports`, { headers: { accept: HIP_COLLECTION } });
    expect(list.json.map((b: any) => b.portId)).toEqual(ports);
  });

  it("409 The specified host is not in any tunnel zone.", async () => {
    const host = await downHost();
    const res = await bind(host, { portId: await bridgePort(), interfaceName: "tap0" });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ message: "The specified host is not in any tunnel zone.", code: 409 });
  });

  it("409 Port … is already bound to an interface (also on another host)", async () => {
    const [h1, h2] = [await downHost(), await downHost()];
    await joinZone(h1);
    await joinZone(h2);
    const portId = await bridgePort();
    expect((await bind(h1, { portId, interfaceName: "tap0" })).status).toBe(201);
    for (const host of [h1, h2]) {
      const res = await bind(host, { portId, interfaceName: "tap9" });
      expect(res.status).toBe(409);
      expect(res.json.message).toBe(`Port ${portId} is already bound to an interface`);
    }
  });

  it("409 Interface … is already bound to a port. (same host only)", async () => {
    const [h1, h2] = [await downHost(), await downHost()];
    await joinZone(h1);
    await joinZone(h2);
    expect((await bind(h1, { portId: await bridgePort(), interfaceName: "tap0" })).status).toBe(201);
    const res = await bind(h1, { portId: await bridgePort(), interfaceName: "tap0" });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe("Interface tap0 is already bound to a port.");
    expect((await bind(h2, { portId: await bridgePort(), interfaceName: "tap0" })).status).toBe(201);
  });

  it.each([
    ["unknown host", () => uuid(407), () => bridgePort(), `There is no Host with ID ${uuid(407)}.`],
    ["unknown port", () => ALIVE, async () => uuid(408), `There is no Port with ID ${uuid(408)}.`],
  ])("404 for an %s", async (_name, host, port, message) => {
    await joinZone(ALIVE).catch(() => undefined);
    const res = await bind(host(), { portId: await port(), interfaceName: "tapx" });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(message);
  });

  it("unbind clears hostId and interfaceName, frees the interface, and is 204 again when unbound", async () => {
    const host = await downHost();
    await joinZone(host);
    const portId = await bridgePort();
    await bind(host, { portId, interfaceName: "tap0" });
    const res = await emu.api("DELETE", `/hosts/${host}/ports/${portId}`);
    expect(res.status).toBe(204);
    const port = await emu.api("GET", `/ports/${portId}`);
    expect(port.json).toMatchObject({ hostId: null, interfaceName: null });
    expect((await emu.api("GET", `/hosts/${host}/ports`, { headers: { accept: HIP_COLLECTION } })).json).toEqual([]);
    expect((await emu.api("DELETE", `/hosts/${host}`)).status).toBe(200);
    expect((await emu.api("DELETE", `/hosts/${uuid(409)}/ports/${portId}`)).status).toBe(204);
    expect((await bind(ALIVE, { portId, interfaceName: "rebound" })).status).toBe(201);
  });

  it("the interface is free again once its port is unbound", async () => {
    const host = await downHost();
    await joinZone(host);
    const first = await bridgePort();
    await bind(host, { portId: first, interfaceName: "tap0" });
    await emu.api("DELETE", `/hosts/${host}/ports/${first}`);
    expect((await bind(host, { portId: await bridgePort(), interfaceName: "tap0" })).status).toBe(201);
  });

  it.each([
    ["get of a port not bound to the host", "GET", 404, { message: "Host interface port not found", code: 404 }],
    ["unbind of a missing port", "DELETE", 404, { message: `There is no Port with ID ${uuid(410)}.`, code: 404 }],
  ])("%s → %s", async (_name, method, status, body) => {
    const portId = method === "GET" ? await bridgePort() : uuid(410);
    const res = await emu.api(method, `/hosts/${ALIVE}/ports/${portId}`);
    expect(res.status).toBe(status);
    expect(res.json).toEqual(body);
  });

  it("reference-corrections 5: a non-UUID nested port id answers 500", async () => {
    const res = await emu.api("GET", `/hosts/${ALIVE}/ports/not-a-uuid`);
    expect(res.status).toBe(500);
    expect(res.json.message).toBe("Invalid UUID string: not-a-uuid");
  });

  it("deleting a bound port drops the binding from the host", async () => {
    const host = await downHost();
    await joinZone(host);
    const portId = await bridgePort();
    await bind(host, { portId, interfaceName: "tap0" });
    expect((await emu.api("DELETE", `/ports/${portId}`)).status).toBe(204);
    expect((await emu.api("GET", `/hosts/${host}/ports`, { headers: { accept: HIP_COLLECTION } })).json).toEqual([]);
  });
});
