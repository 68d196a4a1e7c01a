// Group C, IP address groups: /ip_addr_groups and their addresses (RS/IpAddrGroupResource.scala,
// RS/IpAddrGroupAddrResource.scala, RS/IpAddrGroupAddrVersionResource.scala; reference §7.1, §7.2, §9.11, §9.12;
// reference-corrections "Reference … 2").
import { describe, expect, it } from "vitest";
import { idOf, TestEmulator, uuid } from "./helpers.js";

const GROUP = "application/vnd.org.midonet.IpAddrGroup-v1+json";
const GROUP_LIST = "application/vnd.org.midonet.collection.IpAddrGroup-v1+json";
const ADDR = "application/vnd.org.midonet.IpAddrGroupAddr-v1+json";
const ADDR_LIST = "application/vnd.org.midonet.collection.IpAddrGroupAddr-v1+json";

const emu = TestEmulator.forSuite();

async function ipGroup(body: Record<string, unknown> = { name: "g" }): Promise<string> {
  const res = await emu.api("POST", "/ip_addr_groups", { body, headers: { "content-type": GROUP, accept: GROUP } });
  expect(res.status).toBe(201);
  return idOf(res.headers.location);
}

const addAddr = (groupId: string, body: Record<string, unknown>) =>
  emu.api("POST", `/ip_addr_groups/${groupId}/ip_addrs`, { body, headers: { "content-type": ADDR, accept: "*/*" } });
const addrs = async (groupId: string) =>
  (await emu.api("GET", `/ip_addr_groups/${groupId}/ip_addrs`, { headers: { accept: ADDR_LIST } })).json;
const versioned = (groupId: string, method: string, version: string, addr: string) =>
  emu.api(method, `/ip_addr_groups/${groupId}/versions/${version}/ip_addrs/${addr}`, { headers: { accept: ADDR } });

describe("IP address groups (reference §9.11)", () => {
  it("§4 create → 201; the group reads with its fields and links", async () => {
    const id = await ipGroup({ name: "web", ipAddrPorts: [] });
    const self = `${emu.url}/ip_addr_groups/${id}`;
    const res = await emu.api("GET", `/ip_addr_groups/${id}`, { headers: { accept: GROUP } });
    expect(res.json).toEqual({
      id,
      name: "web",
      ipAddrPorts: [],
      inboundChainId: null,
      outboundChainId: null,
      ruleIds: [],
      uri: self,
      addrs: `${self}/ip_addrs`,
    });
    const list = await emu.api("GET", "/ip_addr_groups", { headers: { accept: GROUP_LIST } });
    expect(list.json.map((g: any) => g.id)).toContain(id);
  });

  it("§9.11 a name is required (400 violation)", async () => {
    const res = await emu.api("POST", "/ip_addr_groups", {
      body: {},
      headers: { "content-type": GROUP, accept: GROUP },
    });
    expect(res.status).toBe(400);
    expect(res.json.violations).toEqual([{ property: "name", message: "may not be null" }]);
  });

  it("DELETE → 204 (also unknown); the addresses go with the group", async () => {
    const id = await ipGroup();
    await addAddr(id, { version: 4, addr: "10.0.0.1" });
    expect((await emu.api("DELETE", `/ip_addr_groups/${id}`)).status).toBe(204);
    expect((await emu.api("DELETE", `/ip_addr_groups/${id}`)).status).toBe(204);
    const res = await emu.api("GET", `/ip_addr_groups/${id}/ip_addrs`, { headers: { accept: ADDR_LIST } });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no IPAddrGroup with ID ${id}.`);
  });
});

describe("IP address group addresses (IpAddrGroupAddrResource)", () => {
  it("add → 201, Location with version and the address as sent (URL-encoded); list in add order", async () => {
    const id = await ipGroup();
    const v4 = await addAddr(id, { version: 4, addr: "10.0.0.2" });
    expect(v4.status).toBe(201);
    expect(v4.headers.location).toBe(`${emu.url}/ip_addr_groups/${id}/versions/4/ip_addrs/10.0.0.2`);
    const v6 = await addAddr(id, { version: 6, addr: "fe80::1" });
    expect(v6.headers.location).toBe(`${emu.url}/ip_addr_groups/${id}/versions/6/ip_addrs/fe80%3A%3A1`);
    const group = `${emu.url}/ip_addr_groups/${id}`;
    expect(await addrs(id)).toEqual([
      {
        version: 4,
        addr: "10.0.0.2",
        ipAddrGroupId: id,
        uri: `${group}/versions/4/ip_addrs/10.0.0.2`,
        ipAddrGroup: group,
      },
      {
        version: 6,
        addr: "fe80:0:0:0:0:0:0:1",
        ipAddrGroupId: id,
        uri: `${group}/versions/6/ip_addrs/fe80%3A0%3A0%3A0%3A0%3A0%3A0%3A1`,
        ipAddrGroup: group,
      },
    ]);
    const get = await emu.api("GET", `/ip_addr_groups/${id}`, { headers: { accept: GROUP } });
    expect(get.json.ipAddrPorts).toEqual([
      { ipAddress: "10.0.0.2", portIds: [] },
      { ipAddress: "fe80:0:0:0:0:0:0:1", portIds: [] },
    ]);
  });

  it.each([
    ["the same text", { version: 4, addr: "10.0.0.3" }, "10.0.0.3"],
    ["another IPv6 spelling (compared after parsing)", { version: 6, addr: "1:0::2" }, "1:0:0:0:0:0:0:2"],
    ["a string version", { version: "6", addr: "1::2" }, "1:0:0:0:0:0:0:2"],
  ])("409 IP address group already contains IP … for %s", async (_name, duplicate, canonical) => {
    const id = await ipGroup();
    expect((await addAddr(id, { version: 4, addr: "10.0.0.3" })).status).toBe(201);
    expect((await addAddr(id, { version: 6, addr: "1::2" })).status).toBe(201);
    const res = await addAddr(id, duplicate);
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ message: `IP address group already contains IP ${canonical}.`, code: 409 });
    expect(await addrs(id)).toHaveLength(2);
  });

  it("16 concurrent creates of the same address: exactly one 201, fifteen 409, one stored entry", async () => {
    const id = await ipGroup();
    const results = await Promise.all(
      Array.from({ length: 16 }, () => addAddr(id, { version: 4, addr: "192.168.7.7" })),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses).toEqual([201, ...Array(15).fill(409)]);
    for (const res of results.filter((r) => r.status === 409)) {
      expect(res.json.message).toBe("IP address group already contains IP 192.168.7.7.");
    }
    expect((await addrs(id)).map((a: any) => a.addr)).toEqual(["192.168.7.7"]);
  });

  it("16 concurrent creates of different addresses all succeed", async () => {
    const id = await ipGroup();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => addAddr(id, { version: 4, addr: `172.16.0.${i}` })),
    );
    expect(results.every((res) => res.status === 201)).toBe(true);
    expect(await addrs(id)).toHaveLength(16);
  });

  it("add to a missing group → 404", async () => {
    const res = await addAddr(uuid(404), { version: 4, addr: "10.0.0.1" });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no IPAddrGroup with ID ${uuid(404)}.`);
  });

  it("get by version and address: any spelling of a member finds it; the canonical form is returned", async () => {
    const id = await ipGroup();
    await addAddr(id, { version: 6, addr: "2001:db8::5" });
    const res = await versioned(id, "GET", "6", encodeURIComponent("2001:db8:0:0::5"));
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ version: 6, addr: "2001:db8:0:0:0:0:0:5", ipAddrGroupId: id });
  });

  it.each([
    [
      "not a member",
      "4",
      "10.9.9.9",
      404,
      { message: "The IP address group does not contain the specified address 10.9.9.9", code: 404 },
    ],
    ["version 5", "5", "10.9.9.9", 400, { message: "Invalid IP version: 5", code: 400 }],
    [
      "an unparseable address",
      "4",
      "10.9",
      500,
      { message: "IPv4 string must be 4 numbers between 0 and 255 joined with 3 '.' but was 10.9", code: 500 },
    ],
  ])("get of %s → %s", async (_name, version, addr, status, body) => {
    const id = await ipGroup();
    const res = await versioned(id, "GET", version, addr);
    expect(res.status).toBe(status);
    expect(res.json).toEqual(body);
  });

  it("get with a version that is not an integer → 404 without body", async () => {
    const res = await versioned(await ipGroup(), "GET", "four", "10.0.0.1");
    expect(res.status).toBe(404);
    expect(res.text).toBe("");
  });

  it("get of an address in a missing group → 404", async () => {
    const res = await versioned(uuid(405), "GET", "4", "10.0.0.1");
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no IPAddrGroup with ID ${uuid(405)}.`);
  });

  it("delete → 204 and the address is gone; deleting it again is 204 too; a missing group is 404", async () => {
    const id = await ipGroup();
    await addAddr(id, { version: 4, addr: "10.0.0.7" });
    await addAddr(id, { version: 4, addr: "10.0.0.8" });
    expect((await versioned(id, "DELETE", "4", "10.0.0.7")).status).toBe(204);
    expect((await addrs(id)).map((a: any) => a.addr)).toEqual(["10.0.0.8"]);
    expect((await versioned(id, "DELETE", "4", "10.0.0.7")).status).toBe(204);
    expect((await versioned(uuid(406), "DELETE", "4", "10.0.0.7")).status).toBe(404);
    // Re-adding after a delete works.
    expect((await addAddr(id, { version: 4, addr: "10.0.0.7" })).status).toBe(201);
  });
});
