// Routes: /routers/{id}/routes and /routes/{id} (reference §7.2, §8, §9.5; RS/RouteResource.scala RouteResource /
// RouterRouteResource, MM/Route.java, RS/PortResource.scala RouterPortResource.createFilter for the Local routes).
import { describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();
const { create, getJson: get } = emu;

const NEXT_HOP_INVALID = "This type of route requires a next hop port that is a port on the same router.";
const route = (extra: Record<string, unknown>) => ({
  srcNetworkAddr: "0.0.0.0",
  dstNetworkAddr: "192.168.0.0",
  ...extra,
});

async function routerWithPort(address = "10.0.0.1"): Promise<{ router: string; port: string }> {
  const router = await create("/routers");
  const port = await create(`/routers/${router}/ports`, { type: "Router", portAddress: address, networkLength: 24 });
  return { router, port };
}

describe("route create and read (§9.5)", () => {
  it("a Normal route: 201 + /routes/{id}; every field; routerId from the next-hop port", async () => {
    const { router, port } = await routerWithPort();
    const res = await emu.api("POST", `/routers/${router}/routes`, {
      body: route({
        type: "Normal",
        dstNetworkLength: 16,
        nextHopPort: port,
        nextHopGateway: "10.0.0.254",
        weight: 5,
        attributes: "x",
      }),
    });
    expect(res.status).toBe(201);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${emu.url}/routes/[0-9a-f-]{36}$`));
    const id = location.split("/").pop();
    expect(await get(`/routes/${id}`)).toEqual({
      id,
      type: "Normal",
      srcNetworkAddr: "0.0.0.0",
      srcNetworkLength: 0,
      dstNetworkAddr: "192.168.0.0",
      dstNetworkLength: 16,
      nextHopPort: port,
      nextHopGateway: "10.0.0.254",
      weight: 5,
      attributes: "x",
      learned: false,
      routerId: router,
      uri: location,
      router: `${emu.url}/routers/${router}`,
    });
  });

  it.each([
    { ref: "Normal without nextHopPort", body: route({ type: "Normal" }) },
    { ref: "Normal with a missing port", body: route({ type: "Normal", nextHopPort: uuid(920) }) },
    { ref: "Normal with another router's port", body: route({ type: "Normal" }), otherRouter: true },
    { ref: "Normal with a bridge port", body: route({ type: "Normal" }), bridgePort: true },
  ])("RouterRouteResource: $ref → 400", async (c) => {
    const { router } = await routerWithPort();
    const body: Record<string, unknown> = { ...c.body };
    if (c.otherRouter) {
      body.nextHopPort = (await routerWithPort("10.0.1.1")).port;
    }
    if (c.bridgePort) {
      body.nextHopPort = await create(`/bridges/${await emu.createBridge()}/ports`, { type: "Bridge" });
    }
    const res = await emu.api("POST", `/routers/${router}/routes`, { body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ message: NEXT_HOP_INVALID, code: 400 });
  });

  it("a Normal route on a missing router answers the next-hop 400, a BlackHole route 404", async () => {
    const missing = uuid(921);
    const normal = await emu.api("POST", `/routers/${missing}/routes`, { body: route({ type: "Normal" }) });
    expect(normal.status).toBe(400);
    expect(normal.json.message).toBe(NEXT_HOP_INVALID);
    const blackhole = await emu.api("POST", `/routers/${missing}/routes`, { body: route({ type: "BlackHole" }) });
    expect(blackhole.status).toBe(404);
    expect(blackhole.json.message).toBe(`There is no Router with ID ${missing}.`);
  });

  it.each([
    { ref: "missing type", body: { srcNetworkAddr: "0.0.0.0", dstNetworkAddr: "1.0.0.0" }, property: "type" },
    { ref: "missing srcNetworkAddr", body: { type: "Reject", dstNetworkAddr: "1.0.0.0" }, property: "srcNetworkAddr" },
    { ref: "bad dstNetworkAddr", body: route({ type: "Reject", dstNetworkAddr: "1.0.0" }), property: "dstNetworkAddr" },
    { ref: "length above 32", body: route({ type: "Reject", dstNetworkLength: 33 }), property: "dstNetworkLength" },
    { ref: "negative weight", body: route({ type: "Reject", weight: -1 }), property: "weight" },
  ])("bean validation: $ref → 400 violation on $property", async (c) => {
    const router = await create("/routers");
    const res = await emu.api("POST", `/routers/${router}/routes`, { body: c.body });
    expect(res.status).toBe(400);
    expect(res.json.message).toBe("Validation error(s) found");
    expect(res.json.violations.map((v: any) => v.property)).toEqual([c.property]);
  });

  it("BlackHole/Reject routes belong to the router of the path (body routerId ignored)", async () => {
    const router = await create("/routers");
    const id = await create(`/routers/${router}/routes`, route({ type: "Reject", routerId: uuid(922) }));
    expect((await get(`/routes/${id}`)).routerId).toBe(router);
  });

  it("a Local route without nextHopPort keeps the body's routerId (MM/Route.java create/beforeToProto)", async () => {
    const router = await create("/routers");
    const other = await create("/routers");
    const id = await create(`/routers/${router}/routes`, route({ type: "Local", routerId: other }));
    expect((await get(`/routes/${id}`)).routerId).toBe(other);
    expect((await get(`/routers/${other}/routes`)).map((r: any) => r.id)).toEqual([id]);
    expect(await get(`/routers/${router}/routes`)).toEqual([]);
  });

  it("a Local route with neither router nor port reads 500 (RouteResource.getFilter)", async () => {
    const router = await create("/routers");
    const id = await create(`/routers/${router}/routes`, route({ type: "Local" }));
    const res = await emu.api("GET", `/routes/${id}`);
    expect(res.status).toBe(500);
    expect(res.json.message).toBe(`Route ${id} is missing both router ID and next hop port ID`);
  });

  it("a duplicate id answers 409", async () => {
    const router = await create("/routers");
    const id = uuid(923);
    await create(`/routers/${router}/routes`, route({ id, type: "Reject" }));
    const res = await emu.api("POST", `/routers/${router}/routes`, { body: route({ id, type: "Reject" }) });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe(`A(n) Route with ID ${id} already exists.`);
  });
});

describe("route listing (RouterRouteResource.list)", () => {
  it("router routes, then port routes in port order, including the automatic /32 Local routes", async () => {
    const { router, port } = await routerWithPort("10.10.0.1");
    const port2 = await create(`/routers/${router}/ports`, { type: "Router", portSubnet: ["10.11.0.1/24"] });
    const normal = await create(`/routers/${router}/routes`, route({ type: "Normal", nextHopPort: port2 }));
    const blackhole = await create(`/routers/${router}/routes`, route({ type: "BlackHole" }));
    const routes = await get(`/routers/${router}/routes`);
    expect(routes.map((r: any) => [r.type, r.dstNetworkAddr, r.nextHopPort])).toEqual([
      ["BlackHole", "192.168.0.0", null],
      ["Local", "10.10.0.1", port],
      ["Local", "10.11.0.1", port2],
      ["Normal", "192.168.0.0", port2],
    ]);
    expect(routes[0].id).toBe(blackhole);
    expect(routes[3].id).toBe(normal);
    expect(routes[1]).toMatchObject({
      srcNetworkAddr: "0.0.0.0",
      srcNetworkLength: 0,
      dstNetworkLength: 32,
      weight: 0,
    });
    expect(routes.every((r: any) => r.routerId === router && r.learned === false)).toBe(true);
  });

  it("a missing router answers 404", async () => {
    const res = await emu.api("GET", `/routers/${uuid(924)}/routes`);
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Router with ID ${uuid(924)}.`);
  });
});

describe("route delete (§4, §8)", () => {
  it("DELETE answers 204, also for a missing route", async () => {
    const router = await create("/routers");
    const id = await create(`/routers/${router}/routes`, route({ type: "Reject" }));
    expect((await emu.api("DELETE", `/routes/${id}`)).status).toBe(204);
    expect((await emu.api("GET", `/routes/${id}`)).status).toBe(404);
    expect(await get(`/routers/${router}/routes`)).toEqual([]);
    expect((await emu.api("DELETE", `/routes/${id}`)).status).toBe(204);
  });

  it("deleting a port deletes the routes whose next hop it is", async () => {
    const { router, port } = await routerWithPort("10.12.0.1");
    const id = await create(`/routers/${router}/routes`, route({ type: "Normal", nextHopPort: port }));
    expect((await emu.api("DELETE", `/ports/${port}`)).status).toBe(204);
    expect((await emu.api("GET", `/routes/${id}`)).status).toBe(404);
    expect(await get(`/routers/${router}/routes`)).toEqual([]);
  });
});
