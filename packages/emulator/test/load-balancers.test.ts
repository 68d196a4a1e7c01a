// Group D, load balancing: /load_balancers, /pools, /pool_members, /vips, /health_monitors (reference §7.1, §9.22-9.26;
// RS/LoadBalancerResource.scala, RS/PoolResource.scala, RS/PoolMemberResource.scala, RS/VipResource.scala,
// RS/HealthMonitorResource.scala and the models MM/*.java).
import { describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();
const { create } = emu;

const pool = (extra: Record<string, unknown> = {}) => ({ lbMethod: "ROUND_ROBIN", ...extra });

describe("load balancers (MM/LoadBalancer.java, RS/LoadBalancerResource.scala)", () => {
  it("create/get: links, no router", async () => {
    const id = await create("/load_balancers", {});
    const res = await emu.api("GET", `/load_balancers/${id}`);
    expect(res.json).toEqual({
      id,
      routerId: null,
      adminStateUp: true,
      uri: `${emu.url}/load_balancers/${id}`,
      router: null,
      pools: `${emu.url}/load_balancers/${id}/pools`,
      vips: `${emu.url}/load_balancers/${id}/vips`,
    });
  });

  it.each([
    {
      ref: "LoadBalancer.create: routerId must be null",
      method: "POST",
      status: 400,
      message: /^A load balancer's router ID must be null at creation\./,
    },
    { ref: "updateFilter: routerId cannot change", method: "PUT", status: 400, message: /^Router cannot be modified$/ },
  ])("$ref → $status", async (c) => {
    const id = await create("/load_balancers", {});
    const res = await emu.api(c.method, c.method === "POST" ? "/load_balancers" : `/load_balancers/${id}`, {
      body: { routerId: uuid(9) },
    });
    expect(res.status).toBe(c.status);
    expect(res.json.message).toMatch(c.message);
  });

  it("PUT keeps the pools; DELETE cascades pools, members and VIPs and is idempotent", async () => {
    const lb = await create("/load_balancers", {});
    const p = await create(`/load_balancers/${lb}/pools`, pool({ loadBalancerId: uuid(1) }));
    const m = await create(`/pools/${p}/pool_members`, { address: "10.0.0.1" });
    const v = await create(`/pools/${p}/vips`, { address: "10.0.0.2" });
    expect((await emu.api("PUT", `/load_balancers/${lb}`, { body: { adminStateUp: false } })).status).toBe(204);
    const pools = await emu.api("GET", `/load_balancers/${lb}/pools`);
    expect(pools.json.map((x: any) => [x.id, x.loadBalancerId])).toEqual([[p, lb]]);
    const vips = await emu.api("GET", `/load_balancers/${lb}/vips`);
    expect(vips.json.map((x: any) => [x.id, x.loadBalancerId])).toEqual([[v, lb]]);
    expect((await emu.api("DELETE", `/load_balancers/${lb}`)).status).toBe(204);
    for (const path of [`/pools/${p}`, `/pool_members/${m}`, `/vips/${v}`, `/load_balancers/${lb}`]) {
      expect((await emu.api("GET", path)).status).toBe(404);
    }
    expect((await emu.api("DELETE", `/load_balancers/${lb}`)).status).toBe(204);
  });

  it("POST /load_balancers/{id}/pools with a missing load balancer → 404 (binding)", async () => {
    const res = await emu.api("POST", `/load_balancers/${uuid(404)}/pools`, { body: pool() });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no LoadBalancer with ID ${uuid(404)}.`);
  });
});

describe("pools (MM/Pool.java, RS/PoolResource.scala)", () => {
  it("create forces protocol TCP and status ACTIVE; ?hm_id= filters", async () => {
    const hm = await create("/health_monitors", { type: "TCP" });
    const a = await create("/pools", pool({ healthMonitorId: hm, protocol: "UDP", status: "INACTIVE" }));
    await create("/pools", pool());
    const get = await emu.api("GET", `/pools/${a}`);
    expect(get.json).toMatchObject({ protocol: "TCP", status: "ACTIVE", healthMonitorId: hm });
    expect(get.json.healthMonitor).toBe(`${emu.url}/health_monitors/${hm}`);
    expect(get.json.mappingStatus).toBeUndefined();
    const list = await emu.api("GET", `/pools?hm_id=${hm}`);
    expect(list.json.map((x: any) => x.id)).toEqual([a]);
    expect((await emu.api("GET", `/health_monitors/${hm}/pools`)).json.map((x: any) => x.id)).toEqual([a]);
  });

  it.each(["PUT", "DELETE"])(
    "%s of a pool whose health-monitor mapping is pending → 503 + RetryAfter: 3",
    async (method) => {
      const hm = await create("/health_monitors", { type: "TCP" });
      const id = await create("/pools", pool({ healthMonitorId: hm }));
      const res = await emu.api(method, `/pools/${id}`, { body: method === "PUT" ? pool() : undefined });
      expect(res.status).toBe(503);
      expect(res.headers.retryafter).toBe("3");
      expect(res.json).toEqual({
        message: "The mapping between the health monitor and the pool is being processed (PENDING_CREATE).",
        code: 503,
      });
    },
  );

  it("Pool.update: setting a health monitor makes the mapping pending; without one PUT keeps status", async () => {
    const id = await create("/pools", pool());
    expect((await emu.api("PUT", `/pools/${id}`, { body: pool({ adminStateUp: false }) })).status).toBe(204);
    expect((await emu.api("GET", `/pools/${id}`)).json).toMatchObject({ adminStateUp: false, status: "ACTIVE" });
    const hm = await create("/health_monitors", { type: "TCP" });
    expect((await emu.api("PUT", `/pools/${id}`, { body: pool({ healthMonitorId: hm }) })).status).toBe(204);
    expect((await emu.api("DELETE", `/pools/${id}`)).status).toBe(503);
  });

  it("a pending pool goes away with its load balancer (binding cascade, no mapping check)", async () => {
    const lb = await create("/load_balancers", {});
    const hm = await create("/health_monitors", { type: "TCP" });
    const id = await create(`/load_balancers/${lb}/pools`, pool({ healthMonitorId: hm }));
    expect((await emu.api("DELETE", `/load_balancers/${lb}`)).status).toBe(204);
    expect((await emu.api("GET", `/pools/${id}`)).status).toBe(404);
  });

  it.each([
    {
      ref: "POST /pools with a missing health monitor",
      body: pool({ healthMonitorId: uuid(71) }),
      message: `There is no HealthMonitor with ID ${uuid(71)}.`,
    },
    {
      ref: "POST /pools with a missing load balancer",
      body: pool({ loadBalancerId: uuid(72) }),
      message: `There is no LoadBalancer with ID ${uuid(72)}.`,
    },
  ])("$ref → 404", async (c) => {
    const res = await emu.api("POST", "/pools", { body: c.body });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(c.message);
  });

  it("DELETE of a missing pool → 204; nested collections of a missing pool → 404", async () => {
    expect((await emu.api("DELETE", `/pools/${uuid(80)}`)).status).toBe(204);
    for (const path of ["vips", "pool_members"]) {
      expect((await emu.api("GET", `/pools/${uuid(80)}/${path}`)).status).toBe(404);
      expect((await emu.api("POST", `/pools/${uuid(80)}/${path}`, { body: { address: "1.1.1.1" } })).status).toBe(404);
    }
  });

  it("deleting a health monitor clears healthMonitorId on its pools and is idempotent", async () => {
    const hm = await create("/health_monitors", { type: "TCP" });
    const id = await create("/pools", pool({ healthMonitorId: hm }));
    expect((await emu.api("DELETE", `/health_monitors/${hm}`)).status).toBe(204);
    expect((await emu.api("GET", `/pools/${id}`)).json.healthMonitorId).toBeNull();
    expect((await emu.api("DELETE", `/health_monitors/${hm}`)).status).toBe(204);
  });
});

describe("pool members (MM/PoolMember.java, RS/PoolMemberResource.scala)", () => {
  it("create forces adminStateUp and status; PUT keeps address, protocolPort and status", async () => {
    const p = await create("/pools", pool());
    const id = await create("/pool_members", { poolId: p, address: "10.0.0.9", protocolPort: 80, adminStateUp: false });
    expect((await emu.api("GET", `/pool_members/${id}`)).json).toMatchObject({
      adminStateUp: true,
      status: "ACTIVE",
      weight: 1,
      pool: `${emu.url}/pools/${p}`,
    });
    const put = await emu.api("PUT", `/pool_members/${id}`, {
      body: { poolId: p, address: "10.0.0.10", protocolPort: 81, weight: 5 },
    });
    expect(put.status).toBe(204);
    expect((await emu.api("GET", `/pool_members/${id}`)).json).toMatchObject({
      address: "10.0.0.9",
      protocolPort: 80,
      weight: 5,
      adminStateUp: false,
      status: "ACTIVE",
    });
  });

  it("nested creates take the pool from the path; the load balancer of the path is not checked", async () => {
    const p = await create("/pools", pool());
    const a = await create(`/load_balancers/${uuid(500)}/pools/${p}/pool_members`, { address: "10.0.1.1" });
    const b = await create(`/pools/${p}/pool_members`, { address: "10.0.1.2", poolId: uuid(501) });
    const list = await emu.api("GET", `/load_balancers/${uuid(500)}/pools/${p}/pool_members`);
    expect(list.json.map((m: any) => [m.id, m.poolId])).toEqual([
      [a, p],
      [b, p],
    ]);
  });

  it.each([
    { ref: "poolId required on POST /pool_members", body: { address: "10.0.0.1" }, status: 400 },
    { ref: "missing pool", body: { address: "10.0.0.1", poolId: uuid(90) }, status: 404 },
    { ref: "weight @Min(1)", body: { address: "10.0.0.1", poolId: uuid(90), weight: 0 }, status: 400 },
  ])("$ref → $status", async (c) => {
    expect((await emu.api("POST", "/pool_members", { body: c.body })).status).toBe(c.status);
  });

  it("DELETE is idempotent", async () => {
    expect((await emu.api("DELETE", `/pool_members/${uuid(91)}`)).status).toBe(204);
  });
});

describe("VIPs (MM/Vip.java, RS/VipResource.scala)", () => {
  it("loadBalancerId is computed from the pool; a missing pool is a 400 on POST and PUT", async () => {
    const lb = await create("/load_balancers", {});
    const p = await create(`/load_balancers/${lb}/pools`, pool());
    const v = await create("/vips", { poolId: p, address: "10.0.0.5", protocolPort: 80 });
    const get = await emu.api("GET", `/vips/${v}`);
    expect(get.json).toMatchObject({ loadBalancerId: lb, loadBalancer: `${emu.url}/load_balancers/${lb}`, poolId: p });
    for (const [method, path] of [
      ["POST", "/vips"],
      ["PUT", `/vips/${v}`],
    ]) {
      const res = await emu.api(method!, path!, { body: { poolId: uuid(93), address: "10.0.0.5" } });
      expect(res.status).toBe(400);
      expect(res.json.message).toBe(`There is no Pool with ID ${uuid(93)}.`);
    }
    expect((await emu.api("GET", `/pools/${p}/vips`)).json.map((x: any) => x.id)).toEqual([v]);
    expect((await emu.api("DELETE", `/vips/${v}`)).status).toBe(204);
    expect((await emu.api("DELETE", `/vips/${v}`)).status).toBe(204);
  });

  it("POST /load_balancers/{id}/vips answers 405 (LoadBalancerVipResource.create)", async () => {
    const lb = await create("/load_balancers", {});
    expect((await emu.api("POST", `/load_balancers/${lb}/vips`, { body: {} })).status).toBe(405);
  });
});

describe("health monitors (MM/HealthMonitor.java)", () => {
  it("create forces adminStateUp; PUT stores the body's (absent = false)", async () => {
    const id = await create("/health_monitors", { type: "TCP", adminStateUp: false, delay: 5 });
    expect((await emu.api("GET", `/health_monitors/${id}`)).json).toMatchObject({ adminStateUp: true, delay: 5 });
    expect((await emu.api("PUT", `/health_monitors/${id}`, { body: { type: "TCP" } })).status).toBe(204);
    expect((await emu.api("GET", `/health_monitors/${id}`)).json).toMatchObject({ adminStateUp: false, delay: 0 });
  });
});
