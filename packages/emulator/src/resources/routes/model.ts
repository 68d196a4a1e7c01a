/**
 * The stored Route (proto `Topology.Route`). Group A's router-port code writes the automatic LOCAL routes
 * (`ports/model.ts` `localRoute`) with both the proto fields (`srcSubnet`, `dstSubnet`, `nextHop`,
 * `nextHopPortId`) and the REST model's ones; routes created here are written the same way, and reads use the
 * proto fields. Bindings: `next_hop_port_id` ↔ `Port.route_ids` and `router_id` ↔ `Router.route_ids` (CASCADE
 * from the port and the router).
 */
export { ROUTE_KIND } from "../ports/model.js";

/** `Route.create(routerId)` + `beforeToProto` for a validated body of `POST /routers/{id}/routes`. */
export function storedRoute(body: Record<string, any>, pathRouterId: string): Record<string, any> {
  const type = body.type as string;
  let routerId = (body.routerId as string | undefined) ?? null;
  if (type === "BlackHole" || type === "Reject") {
    routerId = pathRouterId;
  }
  const nextHopPort = (body.nextHopPort as string | undefined) ?? null;
  if (nextHopPort !== null) {
    // "a route only has next_hop_port_id or router_id set, never both"
    routerId = null;
  }
  const srcLength = (body.srcNetworkLength as number | undefined) ?? 0;
  const dstLength = (body.dstNetworkLength as number | undefined) ?? 0;
  return {
    ...(body.id ? { id: body.id } : {}),
    srcSubnet: `${body.srcNetworkAddr}/${srcLength}`,
    dstSubnet: `${body.dstNetworkAddr}/${dstLength}`,
    nextHop: type,
    nextHopPortId: nextHopPort,
    nextHopGateway: (body.nextHopGateway as string | undefined) ?? null,
    weight: (body.weight as number | undefined) ?? 0,
    routerId,
    attributes: (body.attributes as string | undefined) ?? null,
    srcNetworkAddr: body.srcNetworkAddr,
    srcNetworkLength: srcLength,
    dstNetworkAddr: body.dstNetworkAddr,
    dstNetworkLength: dstLength,
    type,
    nextHopPort,
    learned: false,
  };
}
