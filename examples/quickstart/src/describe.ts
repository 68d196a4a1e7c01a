/**
 * Reads a tenant's topology back from the API (not from what was sent) and turns it into a tree, so what is
 * printed is what MidoNet stored: server-assigned ids, MACs, tunnel keys and the Local routes it adds by itself.
 */
import type { MidoNetClient } from "@midonet/client";
import type { TreeNode } from "./tree.js";

const cidr = (address: string | null | undefined, length: number | null | undefined) => `${address}/${length}`;

export async function describeTenant(client: MidoNetClient, tenantId: string): Promise<TreeNode> {
  const [routers, bridges, chains, groups] = await Promise.all([
    client.routers.list({ tenantId }),
    client.bridges.list({ tenantId }),
    client.chains.list({ tenantId }),
    client.portGroups.list({ tenantId }),
  ]);
  const names = new Map<string, string>();
  for (const b of bridges) {
    names.set(b.id, `bridge ${b.name}`);
  }
  for (const c of chains) {
    names.set(c.id, `chain ${c.name}`);
  }

  const routerNodes = await Promise.all(
    routers.map(async (router): Promise<TreeNode> => {
      const [ports, routes] = await Promise.all([
        client.routers.ports(router.id).list(),
        client.routers.routes(router.id).list(),
      ]);
      const portNodes = ports.map((port): TreeNode => {
        const address = port.type === "Router" ? cidr(port.portAddress, port.networkLength) : port.id;
        const mac = port.type === "Router" ? ` mac ${port.portMac}` : "";
        return {
          label: `port ${address}${mac} tunnel-key ${port.tunnelKey}${port.peerId ? " (linked)" : " (uplink)"}`,
        };
      });
      const routeNodes = routes.map((r): TreeNode => {
        const via = r.nextHopGateway ? ` via ${r.nextHopGateway}` : "";
        return { label: `route ${cidr(r.dstNetworkAddr, r.dstNetworkLength)}${via} ${r.type} weight ${r.weight}` };
      });
      return { label: `router ${router.name} ${router.id}`, children: [...portNodes, ...routeNodes] };
    }),
  );

  const bridgeNodes = await Promise.all(
    bridges.map(async (bridge): Promise<TreeNode> => {
      const [ports, subnets] = await Promise.all([
        client.bridges.ports(bridge.id).list(),
        client.bridges.dhcp(bridge.id).list(),
      ]);
      const filter = bridge.inboundFilterId ? ` inbound filter: ${names.get(bridge.inboundFilterId)}` : "";
      const children: TreeNode[] = [
        ...subnets.map((s) => ({
          label: `dhcp ${cidr(s.subnetPrefix, s.subnetLength)} gateway ${s.defaultGateway} dns ${(s.dnsServerAddrs ?? []).join(",")}`,
        })),
        ...(await Promise.all(
          ports.map(async (port): Promise<TreeNode> => {
            const peer = port.peerId ? await client.ports.get(port.peerId) : undefined;
            const to = peer?.type === "Router" ? ` ↔ router port ${peer.portAddress}` : "";
            return { label: `port ${port.id}${to}` };
          }),
        )),
      ];
      return { label: `bridge ${bridge.name} ${bridge.id}${filter}`, children };
    }),
  );

  const chainNodes = await Promise.all(
    chains.map(async (chain): Promise<TreeNode> => {
      const rules = await client.chains.rules(chain.id).list();
      return {
        label: `chain ${chain.name} ${chain.id}`,
        children: rules.map((rule) => {
          const tp = rule.tpDst ? ` tcp dst ${rule.tpDst.start}-${rule.tpDst.end}` : "";
          return { label: `rule ${rule.position}: ${rule.type}${tp}` };
        }),
      };
    }),
  );

  const groupNodes = await Promise.all(
    groups.map(async (group): Promise<TreeNode> => {
      const members = await client.portGroups.ports(group.id).list();
      return {
        label: `port group ${group.name} ${group.id}${group.stateful ? " (stateful)" : ""}`,
        children: members.map((m) => ({ label: `member port ${m.portId}` })),
      };
    }),
  );

  return { label: `tenant ${tenantId}`, children: [...routerNodes, ...bridgeNodes, ...chainNodes, ...groupNodes] };
}
