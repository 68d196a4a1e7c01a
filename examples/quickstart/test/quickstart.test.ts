import { createClient } from "@midonet/client";
import { type RunningEmulator, startEmulator } from "@midonet/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeTenant } from "../src/describe.js";
import { BRIDGES, buildTopology, TENANT, UPLINK } from "../src/topology.js";
import { renderTree } from "../src/tree.js";

describe("quickstart topology", () => {
  let emulator: RunningEmulator;
  let printed: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    const client = createClient({ baseUrl: emulator.url });
    await buildTopology(client, TENANT);
    printed = renderTree(await describeTenant(client, TENANT));
  });
  afterAll(() => emulator?.close());

  it.each([
    ["the tenant at the root", `tenant ${TENANT}`],
    ["the edge router", "router edge"],
    ["the uplink port, unlinked", `port ${UPLINK.address}/${UPLINK.length}`],
    ["the default route through the uplink gateway", `route 0.0.0.0/0 via ${UPLINK.gateway} Normal`],
    ...BRIDGES.map((b) => [`the Local /32 route MidoNet adds for ${b.gateway}`, `route ${b.gateway}/32 Local`]),
    ...BRIDGES.map((b) => [`bridge ${b.name}`, `bridge ${b.name}`]),
    ...BRIDGES.map((b) => [`the DHCP subnet of ${b.name}`, `dhcp ${b.subnet}/${b.length} gateway ${b.gateway}`]),
    ...BRIDGES.map((b) => [`the link from ${b.name} to its router port`, `↔ router port ${b.gateway}`]),
    ["the filter on the frontend bridge", "inbound filter: chain frontend-in"],
    ["the SSH rule first", "rule 1: accept tcp dst 22-22"],
    ["the drop rule second", "rule 2: drop"],
    ["the stateful port group", "port group web"],
  ])("prints %s", (_what, text) => {
    expect(printed).toContain(text);
  });

  it("links every router port that serves a bridge and leaves the uplink alone", () => {
    expect(printed.match(/\(linked\)/g)).toHaveLength(BRIDGES.length);
    expect(printed.match(/\(uplink\)/g)).toHaveLength(1);
  });

  it("puts exactly one port in the port group", () => {
    expect(printed.match(/member port /g)).toHaveLength(1);
  });
});
