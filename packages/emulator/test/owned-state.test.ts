/**
 * MAC, ARP and peering tables are state MidoNet keeps under their bridge or port and drops with it: an object
 * re-created with the same id starts with empty tables (reference §7.2; `RS/BridgeMacTableResource.scala`,
 * `RS/BridgeArpTableResource.scala`, `RouterPortResource` peering table).
 */
import { describe, expect, it } from "vitest";
import { TestEmulator } from "./helpers.js";

const IP4MAC = { "content-type": "application/vnd.org.midonet.IP4Mac-v1+json" };
const MACIP = { "content-type": "application/vnd.org.midonet.MacIp-v1+json" };

describe("tables owned by a deleted object go with it", () => {
  const emu = TestEmulator.forSuite();
  const bridgeId = "5a1e0000-0000-4000-8000-000000000001";
  const bridgePortId = "5a1e0000-0000-4000-8000-000000000002";
  const routerId = "5a1e0000-0000-4000-8000-000000000003";
  const routerPortId = "5a1e0000-0000-4000-8000-000000000004";

  const makeBridge = async () => {
    expect((await emu.api("POST", "/bridges", { body: { id: bridgeId } })).status).toBe(201);
    const port = { id: bridgePortId, type: "Bridge" }; // VLAN 0: serves every VLAN's MAC table
    expect((await emu.api("POST", `/bridges/${bridgeId}/ports`, { body: port })).status).toBe(201);
  };
  const makeRouterPort = async () => {
    const port = {
      id: routerPortId,
      type: "Router",
      portAddress: "10.250.5.1",
      networkAddress: "10.250.5.0",
      networkLength: 24,
    };
    expect((await emu.api("POST", `/routers/${routerId}/ports`, { body: port })).status).toBe(201);
  };

  it.each([
    {
      table: "the bridge's untagged and VLAN MAC tables, when the bridge is deleted",
      setUp: async () => {
        await makeBridge();
        for (const path of ["/mac_table", "/vlans/5/mac_table"]) {
          const entry = { macAddr: "02:00:00:00:00:05", portId: bridgePortId };
          expect((await emu.api("POST", `/bridges/${bridgeId}${path}`, { body: entry })).status).toBe(201);
        }
      },
      remove: () => emu.api("DELETE", `/bridges/${bridgeId}`),
      recreate: makeBridge,
      list: `/bridges/${bridgeId}/mac_table`,
    },
    {
      table: "the bridge's ARP table, when the bridge is deleted",
      setUp: async () => {
        await makeBridge();
        const entry = { ip: "10.250.5.9", mac: "02:00:00:00:00:09" };
        const added = await emu.api("POST", `/bridges/${bridgeId}/arp_table`, { body: entry, headers: IP4MAC });
        expect(added.status).toBe(201);
      },
      remove: () => emu.api("DELETE", `/bridges/${bridgeId}`),
      recreate: makeBridge,
      list: `/bridges/${bridgeId}/arp_table`,
    },
    {
      table: "a router port's peering table, when the port is deleted",
      setUp: async () => {
        expect((await emu.api("POST", "/routers", { body: { id: routerId } })).status).toBe(201);
        await makeRouterPort();
        const entry = { ip: "10.250.5.7", mac: "02:00:00:00:00:07" };
        const path = `/routers/${routerId}/ports/${routerPortId}/peering_table`;
        expect((await emu.api("POST", path, { body: entry, headers: MACIP })).status).toBe(201);
      },
      remove: () => emu.api("DELETE", `/ports/${routerPortId}`),
      recreate: makeRouterPort,
      list: `/routers/${routerId}/ports/${routerPortId}/peering_table`,
    },
  ])("empties $table", async ({ setUp, remove, recreate, list }) => {
    try {
      await setUp();
      expect((await emu.getJson(list)).length).toBeGreaterThan(0);
      expect((await remove()).status).toBe(204);
      await recreate();
      expect(await emu.getJson(list)).toEqual([]);
    } finally {
      await remove(); // the next case re-creates the same ids
    }
  });
});
