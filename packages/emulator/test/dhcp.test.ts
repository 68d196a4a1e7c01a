// DHCP subnets and hosts of a bridge (reference §7.2, §9.4; `RS/DhcpSubnetResource.scala`,
// `RS/DhcpHostResource.scala`, `RS/DhcpV6SubnetResource.scala`, `RS/DhcpV6HostResource.scala`).
import { describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();

const SUBNETS = { accept: "application/vnd.org.midonet.collection.DhcpSubnet-v2+json" };
const HOSTS = { accept: "application/vnd.org.midonet.collection.DhcpHost-v2+json" };
const SUBNETS6 = { accept: "application/vnd.org.midonet.collection.DhcpV6Subnet-v1+json" };
const HOSTS6 = { accept: "application/vnd.org.midonet.collection.DhcpV6Host-v1+json" };

async function subnet(bridgeId: string, body: Record<string, unknown> = {}) {
  return emu.api("POST", `/bridges/${bridgeId}/dhcp`, {
    body: { subnetPrefix: "10.0.0.0", subnetLength: 24, ...body },
  });
}

describe("DHCP subnets", () => {
  it("create → 201 with /dhcp/{prefix}_{len}; GET shows every field with defaults", async () => {
    const bridgeId = await emu.createBridge();
    const res = await subnet(bridgeId, { defaultGateway: "10.0.0.1", serverAddr: "10.0.0.2" });
    expect(res.status).toBe(201);
    const location = `${emu.url}/bridges/${bridgeId}/dhcp/10.0.0.0_24`;
    expect(res.headers.location).toBe(location);
    const got = await emu.api("GET", `/bridges/${bridgeId}/dhcp/10.0.0.0_24`);
    expect(got.json).toEqual({
      subnetPrefix: "10.0.0.0",
      subnetLength: 24,
      defaultGateway: "10.0.0.1",
      serverAddr: "10.0.0.2",
      dnsServerAddrs: null,
      interfaceMTU: null,
      opt121Routes: [],
      enabled: true,
      uri: location,
      hosts: `${location}/hosts`,
    });
    const list = await emu.api("GET", `/bridges/${bridgeId}/dhcp`, { headers: SUBNETS });
    expect(list.json).toHaveLength(1);
    expect((await emu.api("GET", `/bridges/${bridgeId}/dhcp`)).status).toBe(406);
  });

  it("409 for the same prefix/length on the same bridge (BRIDGE_DHCP_HAS_SUBNET); other bridges are free", async () => {
    const bridgeId = await emu.createBridge();
    await subnet(bridgeId);
    const dup = await subnet(bridgeId);
    expect(dup.status).toBe(409);
    expect(dup.json).toEqual({
      message: "The specified DHCP subnet(10.0.0.0/24) already exists on this bridge.",
      code: 409,
    });
    expect((await subnet(bridgeId, { subnetPrefix: "10.0.0.5" })).status).toBe(201);
    expect((await subnet(await emu.createBridge())).status).toBe(201);
  });

  const missing = [
    { method: "GET", status: 404, empty: true },
    { method: "PUT", status: 404, empty: false },
    { method: "DELETE", status: 404, empty: false },
  ];
  it.each(missing)("$method of a missing subnet → $status (empty body: $empty)", async (c) => {
    const bridgeId = await emu.createBridge();
    const res = await emu.api(c.method, `/bridges/${bridgeId}/dhcp/10.9.9.0_24`, {
      body: c.method === "PUT" ? { subnetPrefix: "10.9.9.0", subnetLength: 24 } : undefined,
    });
    expect(res.status).toBe(c.status);
    if (c.empty) {
      expect(res.text).toBe("");
    } else {
      expect(res.json.message).toBe(`Network ${bridgeId} does not have a subnet with address 10.9.9.0_24.`);
    }
  });

  it("PUT keeps the hosts and can move the subnet; DELETE removes it", async () => {
    const bridgeId = await emu.createBridge();
    await subnet(bridgeId);
    await emu.api("POST", `/bridges/${bridgeId}/dhcp/10.0.0.0_24/hosts`, {
      body: { macAddr: "02:00:00:00:00:01", ipAddr: "10.0.0.9", name: "h" },
    });
    const put = await emu.api("PUT", `/bridges/${bridgeId}/dhcp/10.0.0.0_24`, {
      body: { subnetPrefix: "10.0.1.0", subnetLength: 24, dnsServerAddrs: ["8.8.8.8"] },
    });
    expect(put.status).toBe(204);
    const moved = await emu.api("GET", `/bridges/${bridgeId}/dhcp/10.0.1.0_24`);
    expect(moved.json).toMatchObject({ dnsServerAddrs: ["8.8.8.8"], defaultGateway: null });
    const hosts = await emu.api("GET", `/bridges/${bridgeId}/dhcp/10.0.1.0_24/hosts`, { headers: HOSTS });
    expect(hosts.json.map((h: any) => h.macAddr)).toEqual(["02:00:00:00:00:01"]);
    expect((await emu.api("DELETE", `/bridges/${bridgeId}/dhcp/10.0.1.0_24`)).status).toBe(204);
    expect((await emu.api("GET", `/bridges/${bridgeId}/dhcp`, { headers: SUBNETS })).json).toEqual([]);
  });

  it("§8 bridge delete cascades its DHCP subnets (Network.dhcp_ids CASCADE)", async () => {
    const bridgeId = await emu.createBridge();
    await subnet(bridgeId);
    expect((await emu.api("DELETE", `/bridges/${bridgeId}`)).status).toBe(204);
    const again = await emu.api("POST", "/bridges", { body: { id: bridgeId } });
    expect(again.status).toBe(201);
    expect((await emu.api("GET", `/bridges/${bridgeId}/dhcp`, { headers: SUBNETS })).json).toEqual([]);
  });

  it("a missing bridge answers 404 There is no Network", async () => {
    const res = await subnet(uuid(5050));
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Network with ID ${uuid(5050)}.`);
  });
});

describe("DHCP hosts", () => {
  it("create, get, list, update in place, delete; MAC conflict by value (SUBNET_HAS_HOST)", async () => {
    const bridgeId = await emu.createBridge();
    await subnet(bridgeId);
    const base = `/bridges/${bridgeId}/dhcp/10.0.0.0_24/hosts`;
    const res = await emu.api("POST", base, {
      body: {
        macAddr: "02:aa:00:00:00:01",
        ipAddr: "10.0.0.5",
        name: "one",
        extraDhcpOpts: [{ optName: "26", optValue: "1400" }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${emu.url}${base}/02:aa:00:00:00:01`);
    const dup = await emu.api("POST", base, { body: { macAddr: "02:AA:0:0:0:1", ipAddr: "10.0.0.6" } });
    expect(dup.status).toBe(409);
    expect(dup.json.message).toBe(
      `Subnet 10.0.0.0/24 on bridge ${bridgeId} already has a host with MAC address 02:AA:0:0:0:1.`,
    );
    const got = await emu.api("GET", `${base}/02:aa:00:00:00:01`);
    expect(got.json).toEqual({
      macAddr: "02:aa:00:00:00:01",
      ipAddr: "10.0.0.5",
      name: "one",
      extraDhcpOpts: [{ optName: "26", optValue: "1400" }],
      uri: `${emu.url}${base}/02:aa:00:00:00:01`,
    });
    await emu.api("POST", base, { body: { macAddr: "02:aa:00:00:00:02", ipAddr: "10.0.0.7" } });
    expect((await emu.api("PUT", `${base}/02:aa:00:00:00:01`, { body: { macAddr: "02:aa:00:00:00:03" } })).status).toBe(
      204,
    );
    const list = await emu.api("GET", base, { headers: HOSTS });
    expect(list.json.map((h: any) => h.macAddr)).toEqual(["02:aa:00:00:00:03", "02:aa:00:00:00:02"]);
    expect((await emu.api("DELETE", `${base}/02:aa:00:00:00:03`)).status).toBe(204);
    const gone = await emu.api("GET", `${base}/02:aa:00:00:00:03`);
    expect(gone.status).toBe(404);
    expect(gone.json.message).toBe(`Network ${bridgeId} does not have a subnet with address 10.0.0.0/24.`);
  });

  it("a missing subnet answers 404 with the subnet message", async () => {
    const bridgeId = await emu.createBridge();
    const res = await emu.api("POST", `/bridges/${bridgeId}/dhcp/10.7.0.0_16/hosts`, {
      body: { macAddr: "02:00:00:00:00:01" },
    });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`Network ${bridgeId} does not have a subnet with address 10.7.0.0/16.`);
  });
});

describe("DHCPv6", () => {
  it("subnets: uncompressed prefix in the URI, no duplicate check; hosts keyed by client id", async () => {
    const bridgeId = await emu.createBridge();
    const body = { prefix: "2001:DB8:0:0:0:0:0:0", prefixLength: 64 };
    const res = await emu.api("POST", `/bridges/${bridgeId}/dhcpV6`, { body });
    expect(res.status).toBe(201);
    const location = `${emu.url}/bridges/${bridgeId}/dhcpV6/2001:db8:0:0:0:0:0:0_64`;
    expect(res.headers.location).toBe(location);
    expect((await emu.api("POST", `/bridges/${bridgeId}/dhcpV6`, { body })).status).toBe(201);
    expect((await emu.api("GET", `/bridges/${bridgeId}/dhcpV6`, { headers: SUBNETS6 })).json).toHaveLength(2);
    const got = await emu.api("GET", `/bridges/${bridgeId}/dhcpV6/2001:db8:0:0:0:0:0:0_64`);
    expect(got.json).toEqual({
      prefix: "2001:db8:0:0:0:0:0:0",
      prefixLength: 64,
      uri: location,
      hosts: `${location}/hostsV6`,
    });

    const hosts = `/bridges/${bridgeId}/dhcpV6/2001:db8:0:0:0:0:0:0_64/hostsV6`;
    const host = await emu.api("POST", hosts, {
      body: { clientId: "00:01:aa", fixedAddress: "2001:db8::5", name: "v6" },
    });
    expect(host.status).toBe(201);
    expect(host.headers.location).toBe(`${location}/hostsV6/00-01-aa`);
    const dup = await emu.api("POST", hosts, { body: { clientId: "00:01:aa", fixedAddress: "2001:db8::6" } });
    expect(dup.status).toBe(409);
    expect(dup.json.message).toBe(
      `Subnet 2001:db8:0:0:0:0:0:0/64 on bridge ${bridgeId} already has a host with MAC address 2001:db8::6.`,
    );
    const read = await emu.api("GET", `${hosts}/00-01-aa`);
    expect(read.json).toEqual({
      clientId: "00:01:aa",
      fixedAddress: "2001:db8:0:0:0:0:0:5",
      name: "v6",
      uri: `${location}/hostsV6/00-01-aa`,
    });
    expect((await emu.api("GET", hosts, { headers: HOSTS6 })).json).toHaveLength(1);
    expect((await emu.api("DELETE", `${hosts}/00-01-aa`)).status).toBe(204);
    const missing = await emu.api("GET", `${hosts}/00-01-aa`);
    expect(missing.status).toBe(404);
    expect(missing.text).toBe("");
  });

  it("a `::` prefix is refused by validation (400)", async () => {
    const bridgeId = await emu.createBridge();
    const res = await emu.api("POST", `/bridges/${bridgeId}/dhcpV6`, {
      body: { prefix: "2001:db8::", prefixLength: 64 },
    });
    expect(res.status).toBe(400);
  });
});
