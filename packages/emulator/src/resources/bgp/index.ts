/**
 * Group "bgp": /routers/{id}/bgp_networks, /routers/{id}/bgp_peers, /bgp_networks/{id}, /bgp_peers/{id}
 * (reference §7.2, §9.6, `RS/BgpNetworkResource.scala`, `RS/BgpPeerResource.scala`). Both belong to the router of
 * the create's path (bindings `Router.bgp_network_ids`/`bgp_peer_ids`, CASCADE on router delete). BGP networks
 * cannot be updated; a BGP peer PUT keeps its id and router.
 */
import { badRequest } from "../../http/errors.js";
import { defineCrud } from "../crud.js";
import { created, noContent, ok } from "../replies.js";
import { readBody, throwViolations } from "../rules/violations.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { BGP_NETWORK_KIND, BGP_PEER_KIND, bgpNetworkView, bgpPeerView } from "./view.js";

const ROUTER_KIND = "Router";

const networks = defineCrud({ kind: BGP_NETWORK_KIND, view: bgpNetworkView, deleteMissing: 204 });

const peers = defineCrud({ kind: BGP_PEER_KIND, view: bgpPeerView, deleteMissing: 204 });

/** The router's children in the order of its id list (`listIds` of the Router*Resource classes). */
function listOf(field: string, kind: string, view: typeof bgpNetworkView) {
  return (ctx: RequestContext) => {
    const router = ctx.tx.get(ROUTER_KIND, ctx.params.id!);
    return ok(ctx.tx.getAll(kind, router[field] as string[] | undefined).map((object) => view.render(ctx, object)));
  };
}

/** `BgpNetwork.create(routerId)` + `beforeToProto`: the proto keeps one `subnet`. */
function createRouterBgpNetwork(ctx: RequestContext) {
  const { subnetAddress, subnetLength, ...rest } = ctx.writable();
  const network = ctx.tx.create(BGP_NETWORK_KIND, {
    ...rest,
    subnet: `${subnetAddress}/${subnetLength ?? 0}`,
    routerId: ctx.params.id!,
  });
  return created(bgpNetworkView.uri(ctx, network));
}

/** A BGP peer body; `int asNumber` reads 0 when omitted or null, so @Min(1) reports it, not "may not be null". */
function readPeer(ctx: RequestContext): Record<string, any> {
  const { body, violations } = readBody(ctx);
  const raw = (ctx.rawBody ?? {}) as Record<string, unknown>;
  throwViolations(
    violations.map((v) =>
      v.property === "asNumber" && raw.asNumber == null ? { ...v, message: "must be greater than or equal to 1" } : v,
    ),
  );
  return body;
}

/** `RouterBgpPeerResource.createFilter`: address and AS number are unique among the router's peers (400). */
function createRouterBgpPeer(ctx: RequestContext) {
  const routerId = ctx.params.id!;
  const body = readPeer(ctx);
  const router = ctx.tx.get(ROUTER_KIND, routerId);
  const asNumber = (body.asNumber as number | undefined) ?? 0;
  for (const peer of ctx.tx.getAll(BGP_PEER_KIND, router.bgpPeerIds as string[] | undefined)) {
    if (peer.address === body.address && (peer.asNumber ?? 0) === asNumber) {
      throw badRequest(`A BGP peer with address ${body.address} and AS number ${asNumber} already exists.`);
    }
  }
  const peer = ctx.tx.create(BGP_PEER_KIND, { ...body, routerId });
  return created(bgpPeerView.uri(ctx, peer));
}

/** `BgpPeerResource.updateFilter`: `BgpPeer.update(from)` keeps id and router; the rest is the body's. */
function updateBgpPeer(ctx: RequestContext) {
  const current = ctx.tx.get(BGP_PEER_KIND, ctx.params.id!);
  const body = readPeer(ctx);
  ctx.tx.update(BGP_PEER_KIND, { ...body, id: current.id, routerId: current.routerId ?? null });
  return noContent();
}

export const group: ResourceGroup = {
  name: "bgp",
  handlers: {
    listRouterBgpNetworks: listOf("bgpNetworkIds", BGP_NETWORK_KIND, bgpNetworkView),
    createRouterBgpNetwork,
    getBgpNetwork: networks.get,
    deleteBgpNetwork: networks.delete,
    listRouterBgpPeers: listOf("bgpPeerIds", BGP_PEER_KIND, bgpPeerView),
    createRouterBgpPeer,
    getBgpPeer: peers.get,
    updateBgpPeer,
    deleteBgpPeer: peers.delete,
  },
};
