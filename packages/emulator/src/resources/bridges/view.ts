/** The Bridge JSON (reference §9.1, `MM/Bridge.java`). */
import { defineView, ref, sub } from "../view.js";

export const bridgeView = defineView({
  schema: "Bridge",
  path: (bridge) => `/bridges/${bridge.id}`,
  fields: {
    inboundFilter: ref("chains", "inboundFilterId"),
    outboundFilter: ref("chains", "outboundFilterId"),
    ports: sub("ports"),
    peerPorts: sub("peer_ports"),
    vxLanPorts: sub("vxlan_ports"),
    macTable: sub("mac_table"),
    arpTable: sub("arp_table"),
    dhcpSubnets: sub("dhcp"),
    dhcpSubnet6s: sub("dhcpV6"),
    vlanMacTableTemplate: sub("vlans/{vlanId}/mac_table"),
    macPortTemplate: sub("mac_table/{macAddress}_{portId}"),
    vlanMacPortTemplate: sub("vlans/{vlanId}/mac_table/{macAddress}_{portId}"),
  },
});
