// MAC and ARP tables of a bridge (reference §7.2; `RS/BridgeMacTableResource.scala`,
// `RS/BridgeArpTableResource.scala`; a-coverage correction 8).
import { describe, expect, it } from "vitest";
import { idOf, TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();

const IP4MAC = { "content-type": "application/vnd.org.midonet.IP4Mac-v1+json" };

async function portOf(bridgeId: string, vlanId = 0): Promise<string> {
  const res = await emu.api("POST", `/bridges/${bridgeId}/ports`, { body: { type: "Bridge", vlanId } });
  return idOf(res.headers.location);
}

describe("MAC table", () => {
  it("untagged entry: 201 + Location with '-', GET, list with vlanId, idempotent DELETE", async () => {
    const bridgeId = await emu.createBridge();
    const portId = await portOf(bridgeId);
    const base = `/bridges/${bridgeId}/mac_table`;
    expect((await emu.api("GET", base)).json).toEqual([]);
    // No VLAN 0 table before the first untagged entry.
    const before = await emu.api("GET", `${base}/02-00-00-00-00-01_${portId}`);
    expect(before.status).toBe(404);
    expect(before.json.message).toBe("The specified bridge has no ports assigned to VLAN 0.");
    const res = await emu.api("POST", base, { body: { macAddr: "02:00:00:00:00:01", portId } });
    expect(res.status).toBe(201);
    const uri = `${emu.url}${base}/02-00-00-00-00-01_${portId}`;
    expect(res.headers.location).toBe(uri);
    const entry = { macAddr: "02:00:00:00:00:01", portId, vlanId: 0, uri };
    expect((await emu.api("GET", `${base}/02-00-00-00-00-01_${portId}`)).json).toEqual(entry);
    expect((await emu.api("GET", base)).json).toEqual([entry]);
    expect((await emu.api("POST", base, { body: { macAddr: "02:00:00:00:00:01", portId } })).status).toBe(500);
    expect((await emu.api("DELETE", `${base}/02-00-00-00-00-01_${portId}`)).status).toBe(204);
    expect((await emu.api("DELETE", `${base}/02-00-00-00-00-01_${portId}`)).status).toBe(204);
    const gone = await emu.api("GET", `${base}/02-00-00-00-00-01_${portId}`);
    expect(gone.status).toBe(404);
    expect(gone.json.message).toBe("The specified bridge does not have the specified MAC-port mapping.");
  });

  const vlanRules = [
    { ref: "port VLAN 0 accepts any VLAN", portVlan: 0, path: "/vlans/5", body: {}, status: 201 },
    { ref: "port VLAN 5 on its VLAN", portVlan: 5, path: "/vlans/5", body: {}, status: 201 },
    { ref: "body vlanId on the untagged path", portVlan: 5, path: "", body: { vlanId: 5 }, status: 201 },
    { ref: "path VLAN wins over the body", portVlan: 5, path: "/vlans/6", body: { vlanId: 5 }, status: 400 },
    { ref: "port VLAN 5 on the untagged path", portVlan: 5, path: "", body: {}, status: 400 },
  ];
  it.each(vlanRules)("VLAN rule: $ref → $status", async (c) => {
    const bridgeId = await emu.createBridge();
    const portId = await portOf(bridgeId, c.portVlan);
    const res = await emu.api("POST", `/bridges/${bridgeId}${c.path}/mac_table`, {
      body: { macAddr: "02:00:00:00:00:09", portId, ...c.body },
    });
    expect(res.status).toBe(c.status);
    if (c.status === 400) {
      expect(res.json.message).toBe(`The specified port handles traffic only for VLAN ${c.portVlan}.`);
    } else {
      const vlan = c.path ? Number(c.path.split("/")[2]) : (c.body as any).vlanId;
      expect(res.headers.location).toBe(
        `${emu.url}/bridges/${bridgeId}/vlans/${vlan}/mac_table/02-00-00-00-00-09_${portId}`,
      );
      const list = await emu.api("GET", `/bridges/${bridgeId}/vlans/${vlan}/mac_table`);
      expect(list.json).toEqual([expect.objectContaining({ vlanId: vlan, portId })]);
      expect((await emu.api("GET", `/bridges/${bridgeId}/mac_table`)).json).toHaveLength(1);
    }
  });

  it("refusals: port of another bridge (400), missing port (404), VLAN without table (404), bad MAC in path (400)", async () => {
    const bridgeId = await emu.createBridge();
    const foreign = await portOf(await emu.createBridge());
    const other = await emu.api("POST", `/bridges/${bridgeId}/mac_table`, {
      body: { macAddr: "02:00:00:00:00:01", portId: foreign },
    });
    expect(other.status).toBe(400);
    expect(other.json.message).toBe("The port must belong to the bridge that owns the MAC table.");
    const missing = await emu.api("POST", `/bridges/${bridgeId}/mac_table`, {
      body: { macAddr: "02:00:00:00:00:01", portId: uuid(1) },
    });
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe(`There is no Port with ID ${uuid(1)}.`);
    const vlan = await emu.api("GET", `/bridges/${bridgeId}/vlans/7/mac_table`);
    expect(vlan.status).toBe(404);
    expect(vlan.json.message).toBe("The specified bridge has no ports assigned to VLAN 7.");
    const bad = await emu.api("GET", `/bridges/${bridgeId}/mac_table/zz-00-00-00-00-01_${foreign}`);
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/^MAC address must consist of six pairs of hex digits/);
  });
});

describe("ARP table", () => {
  it("create (IP4Mac media type only), get, list, idempotent delete", async () => {
    const bridgeId = await emu.createBridge();
    const base = `/bridges/${bridgeId}/arp_table`;
    const json = await emu.api("POST", base, { body: { ip: "10.0.0.1", mac: "02:00:00:00:00:0a" } });
    expect(json.status).toBe(415);
    const res = await emu.api("POST", base, { body: { ip: "10.0.0.1", mac: "02:00:00:00:00:0A" }, headers: IP4MAC });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${emu.url}${base}/10.0.0.1_02-00-00-00-00-0A`);
    const list = await emu.api("GET", base);
    expect(list.json).toEqual([
      { ip: "10.0.0.1", mac: "02:00:00:00:00:0a", uri: `${emu.url}${base}/10.0.0.1_02-00-00-00-00-0a` },
    ]);
    expect((await emu.api("GET", `${base}/10.0.0.1_02-00-00-00-00-0a`)).status).toBe(200);
    const missing = await emu.api("GET", `${base}/10.0.0.2_02-00-00-00-00-0a`);
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe("The specified bridge does not have the specified ARP table entry.");
    expect((await emu.api("GET", `${base}/10.0.0.300_02-00-00-00-00-0a`)).status).toBe(400);
    expect((await emu.api("DELETE", `${base}/10.0.0.1_02-00-00-00-00-0a`)).status).toBe(204);
    expect((await emu.api("DELETE", `${base}/10.0.0.1_02-00-00-00-00-0a`)).status).toBe(204);
    expect((await emu.api("GET", base)).json).toEqual([]);
  });

  // The table of a bridge that does not exist: reading its entries fails (500), `removePersistent` only checks that
  // the entry's node exists (204); an id that is not a UUID fails the sub-resource locator (404, no body).
  const entry = "10.0.0.1_02-00-00-00-00-0a";
  it.each([
    { ref: "list, no such bridge", method: "GET", path: `/bridges/${uuid(404)}/arp_table`, status: 500 },
    { ref: "get, no such bridge", method: "GET", path: `/bridges/${uuid(404)}/arp_table/${entry}`, status: 500 },
    { ref: "delete, no such bridge", method: "DELETE", path: `/bridges/${uuid(404)}/arp_table/${entry}`, status: 204 },
    { ref: "list, id not a UUID", method: "GET", path: "/bridges/zzz/arp_table", status: 404 },
    { ref: "get, id not a UUID", method: "GET", path: `/bridges/zzz/arp_table/${entry}`, status: 404 },
    { ref: "delete, id not a UUID", method: "DELETE", path: `/bridges/zzz/arp_table/${entry}`, status: 404 },
  ])("table of a missing bridge: $ref → $status", async (c) => {
    const res = await emu.api(c.method, c.path);
    expect(res.status).toBe(c.status);
    expect(res.text === "").toBe(c.status !== 500);
  });
});
