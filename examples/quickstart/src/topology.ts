/**
 * The quickstart topology: one tenant with an edge router (uplink port + default route), two bridges with DHCP
 * subnets, each linked to a router port, a chain with a rule filtering one bridge, and a port group.
 * Everything goes through @midonet/client; nothing here knows URLs or media types.
 */
import type { MidoNetClient } from "@midonet/client";

export interface BridgePlan {
  name: string;
  /** The router-side address of the bridge's subnet, which is also its DHCP gateway. */
  gateway: string;
  subnet: string;
  length: number;
}

export const TENANT = "quickstart";
export const UPLINK = { address: "10.250.0.2", network: "10.250.0.0", length: 24, gateway: "10.250.0.1" };
export const BRIDGES: readonly BridgePlan[] = [
  { name: "frontend", gateway: "10.250.1.1", subnet: "10.250.1.0", length: 24 },
  { name: "backend", gateway: "10.250.2.1", subnet: "10.250.2.0", length: 24 },
];

export async function buildTopology(client: MidoNetClient, tenantId = TENANT): Promise<{ routerId: string }> {
  const router = await client.routers.create({ name: "edge", tenantId });
  const uplink = await client.routers.ports(router.id).create({
    type: "Router",
    portAddress: UPLINK.address,
    networkAddress: UPLINK.network,
    networkLength: UPLINK.length,
  });
  await client.routers.routes(router.id).create({
    type: "Normal",
    srcNetworkAddr: "0.0.0.0",
    srcNetworkLength: 0,
    dstNetworkAddr: "0.0.0.0",
    dstNetworkLength: 0,
    nextHopPort: uplink.id,
    nextHopGateway: UPLINK.gateway,
    weight: 100,
  });

  // Only SSH may enter the frontend bridge from the router.
  const chain = await client.chains.create({ name: "frontend-in", tenantId });
  await client.chains.rules(chain.id).create({ type: "accept", nwProto: 6, tpDst: { start: 22, end: 22 } });
  await client.chains.rules(chain.id).create({ type: "drop", position: 2 });

  const group = await client.portGroups.create({ name: "web", tenantId, stateful: true });
  for (const plan of BRIDGES) {
    const bridge = await client.bridges.create({
      name: plan.name,
      tenantId,
      inboundFilterId: plan.name === "frontend" ? chain.id : null,
    });
    await client.bridges.dhcp(bridge.id).create({
      subnetPrefix: plan.subnet,
      subnetLength: plan.length,
      defaultGateway: plan.gateway,
      serverAddr: plan.gateway,
      dnsServerAddrs: ["10.250.0.53"],
    });
    const routerPort = await client.routers.ports(router.id).create({
      type: "Router",
      portAddress: plan.gateway,
      networkAddress: plan.subnet,
      networkLength: plan.length,
    });
    const bridgePort = await client.bridges.ports(bridge.id).create({ type: "Bridge" });
    await client.ports.link(routerPort.id, bridgePort.id);
    if (plan.name === "frontend") {
      await client.portGroups.ports(group.id).create({ portId: bridgePort.id });
    }
  }
  return { routerId: router.id };
}
