/** The BgpNetwork and BgpPeer JSON (reference §9.6, `MM/BgpNetwork.java`, `MM/BgpPeer.java`). */
import { defineView, ref } from "../view.js";

export const BGP_NETWORK_KIND = "BgpNetwork";
export const BGP_PEER_KIND = "BgpPeer";

/** Stored as the proto's `subnet`; `afterFromProto` splits it into address and length. */
export const bgpNetworkView = defineView({
  schema: "BgpNetwork",
  path: (network) => `/bgp_networks/${network.id}`,
  fields: {
    subnetAddress: (network) => (typeof network.subnet === "string" ? network.subnet.split("/")[0] : null),
    subnetLength: (network) => (typeof network.subnet === "string" ? Number(network.subnet.split("/")[1]) : 0),
    router: ref("routers", "routerId"),
  },
});

export const bgpPeerView = defineView({
  schema: "BgpPeer",
  path: (peer) => `/bgp_peers/${peer.id}`,
  fields: {
    asNumber: (peer) => peer.asNumber ?? 0,
    router: ref("routers", "routerId"),
  },
});
