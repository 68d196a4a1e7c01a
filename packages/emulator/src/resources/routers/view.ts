/** The Router JSON (reference §9.2, `MM/Router.java`). */
import { defineView, ref, sub } from "../view.js";

export const ROUTER_KIND = "Router";

export const routerView = defineView({
  schema: "Router",
  path: (router) => `/routers/${router.id}`,
  fields: {
    inboundFilter: ref("chains", "inboundFilterId"),
    outboundFilter: ref("chains", "outboundFilterId"),
    ports: sub("ports"),
    peerPorts: sub("peer_ports"),
    routes: sub("routes"),
    bgpNetworks: sub("bgp_networks"),
    bgpPeers: sub("bgp_peers"),
    loadBalancer: ref("load_balancers", "loadBalancerId"),
    localRedirectChain: ref("chains", "localRedirectChainId"),
    forwardChain: ref("chains", "forwardChainId"),
  },
});
