// BGP: /routers/{id}/bgp_networks, /routers/{id}/bgp_peers, /bgp_networks/{id}, /bgp_peers/{id} (reference §7.2,
// §9.6; RS/BgpNetworkResource.scala, RS/BgpPeerResource.scala, MM/BgpNetwork.java, MM/BgpPeer.java).
import { describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();
const { create, getJson: get } = emu;

describe("BGP networks", () => {
  it("create: 201 + /bgp_networks/{id}; listed in router order; subnetLength defaults to 0", async () => {
    const router = await create("/routers");
    const res = await emu.api("POST", `/routers/${router}/bgp_networks`, {
      body: { subnetAddress: "10.0.0.0", subnetLength: 8 },
    });
    expect(res.status).toBe(201);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${emu.url}/bgp_networks/[0-9a-f-]{36}$`));
    const first = location.split("/").pop();
    const second = await create(`/routers/${router}/bgp_networks`, { subnetAddress: "172.16.0.0" });
    expect(await get(`/routers/${router}/bgp_networks`)).toEqual([
      { id: first, subnetAddress: "10.0.0.0", subnetLength: 8, uri: location, router: `${emu.url}/routers/${router}` },
      {
        id: second,
        subnetAddress: "172.16.0.0",
        subnetLength: 0,
        uri: `${emu.url}/bgp_networks/${second}`,
        router: `${emu.url}/routers/${router}`,
      },
    ]);
  });

  it.each([
    { ref: "missing subnetAddress", body: {}, property: "subnetAddress", message: "may not be null" },
    {
      ref: "length above 32",
      body: { subnetAddress: "10.0.0.0", subnetLength: 33 },
      property: "subnetLength",
      message: "must be less than or equal to 32",
    },
  ])("$ref → 400 violation", async (c) => {
    const router = await create("/routers");
    const res = await emu.api("POST", `/routers/${router}/bgp_networks`, { body: c.body });
    expect(res.status).toBe(400);
    expect(res.json.violations).toEqual([{ property: c.property, message: c.message }]);
  });

  it("a missing router answers 404 on list and create; delete answers 204 even when missing", async () => {
    const missing = uuid(930);
    expect((await emu.api("GET", `/routers/${missing}/bgp_networks`)).status).toBe(404);
    const res = await emu.api("POST", `/routers/${missing}/bgp_networks`, { body: { subnetAddress: "10.0.0.0" } });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Router with ID ${missing}.`);
    const router = await create("/routers");
    const id = await create(`/routers/${router}/bgp_networks`, { subnetAddress: "10.0.0.0" });
    expect((await emu.api("DELETE", `/bgp_networks/${id}`)).status).toBe(204);
    expect((await emu.api("GET", `/bgp_networks/${id}`)).status).toBe(404);
    expect(await get(`/routers/${router}/bgp_networks`)).toEqual([]);
    expect((await emu.api("DELETE", `/bgp_networks/${id}`)).status).toBe(204);
  });
});

describe("BGP peers", () => {
  it("create: 201 + /bgp_peers/{id}; every field, password returned in clear", async () => {
    const router = await create("/routers");
    const res = await emu.api("POST", `/routers/${router}/bgp_peers`, {
      body: { address: "10.0.0.2", asNumber: 65001, keepAlive: 30, password: "s3cret" },
    });
    expect(res.status).toBe(201);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${emu.url}/bgp_peers/[0-9a-f-]{36}$`));
    expect(await get(`/bgp_peers/${location.split("/").pop()}`)).toEqual({
      id: location.split("/").pop(),
      asNumber: 65001,
      address: "10.0.0.2",
      keepAlive: 30,
      holdTime: null,
      connectRetry: null,
      password: "s3cret",
      uri: location,
      router: `${emu.url}/routers/${router}`,
    });
  });

  it("address + AS number are unique per router (400); other combinations and other routers are fine", async () => {
    const router = await create("/routers");
    await create(`/routers/${router}/bgp_peers`, { address: "10.0.0.2", asNumber: 65001 });
    const dup = await emu.api("POST", `/routers/${router}/bgp_peers`, {
      body: { address: "10.0.0.2", asNumber: 65001 },
    });
    expect(dup.status).toBe(400);
    expect(dup.json).toEqual({
      message: "A BGP peer with address 10.0.0.2 and AS number 65001 already exists.",
      code: 400,
    });
    await create(`/routers/${router}/bgp_peers`, { address: "10.0.0.2", asNumber: 65002 });
    await create(`/routers/${router}/bgp_peers`, { address: "10.0.0.3", asNumber: 65001 });
    await create(`/routers/${await create("/routers")}/bgp_peers`, { address: "10.0.0.2", asNumber: 65001 });
    expect((await get(`/routers/${router}/bgp_peers`)).map((p: any) => `${p.address}/${p.asNumber}`)).toEqual([
      "10.0.0.2/65001",
      "10.0.0.2/65002",
      "10.0.0.3/65001",
    ]);
  });

  it.each([
    {
      ref: "missing asNumber (0)",
      body: { address: "10.0.0.2" },
      property: "asNumber",
      message: "must be greater than or equal to 1",
    },
    { ref: "missing address", body: { asNumber: 1 }, property: "address", message: "may not be null" },
    {
      ref: "keepAlive below 5",
      body: { address: "10.0.0.2", asNumber: 1, keepAlive: 4 },
      property: "keepAlive",
      message: "must be greater than or equal to 5",
    },
    {
      ref: "holdTime above 7200",
      body: { address: "10.0.0.2", asNumber: 1, holdTime: 7201 },
      property: "holdTime",
      message: "must be less than or equal to 7200",
    },
  ])("$ref → 400 violation", async (c) => {
    const router = await create("/routers");
    const res = await emu.api("POST", `/routers/${router}/bgp_peers`, { body: c.body });
    expect(res.status).toBe(400);
    expect(res.json.violations).toEqual([{ property: c.property, message: c.message }]);
  });

  it("PUT replaces the peer but keeps id and router; no uniqueness check on update", async () => {
    const router = await create("/routers");
    await create(`/routers/${router}/bgp_peers`, { address: "10.0.0.2", asNumber: 65001 });
    const id = await create(`/routers/${router}/bgp_peers`, { address: "10.0.0.3", asNumber: 65001, password: "p" });
    const put = await emu.api("PUT", `/bgp_peers/${id}`, {
      body: { id: uuid(931), address: "10.0.0.2", asNumber: 65001 },
    });
    expect(put.status).toBe(204);
    expect(await get(`/bgp_peers/${id}`)).toMatchObject({
      id,
      address: "10.0.0.2",
      password: null,
      router: `${emu.url}/routers/${router}`,
    });
    expect((await get(`/routers/${router}/bgp_peers`)).length).toBe(2);
    const bad = await emu.api("PUT", `/bgp_peers/${id}`, { body: { address: "10.0.0.2" } });
    expect(bad.status).toBe(400);
    expect(bad.json.violations).toEqual([{ property: "asNumber", message: "must be greater than or equal to 1" }]);
  });

  it("404 for a missing router or peer; DELETE answers 204 even when missing", async () => {
    const missing = uuid(932);
    const res = await emu.api("POST", `/routers/${missing}/bgp_peers`, { body: { address: "10.0.0.2", asNumber: 1 } });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Router with ID ${missing}.`);
    expect((await emu.api("GET", `/routers/${missing}/bgp_peers`)).status).toBe(404);
    const put = await emu.api("PUT", `/bgp_peers/${missing}`, { body: { address: "10.0.0.2", asNumber: 1 } });
    expect(put.status).toBe(404);
    expect(put.json.message).toBe(`There is no BgpPeer with ID ${missing}.`);
    const router = await create("/routers");
    const id = await create(`/routers/${router}/bgp_peers`, { address: "10.0.0.2", asNumber: 1 });
    expect((await emu.api("DELETE", `/bgp_peers/${id}`)).status).toBe(204);
    expect(await get(`/routers/${router}/bgp_peers`)).toEqual([]);
    expect((await emu.api("DELETE", `/bgp_peers/${id}`)).status).toBe(204);
  });
});
