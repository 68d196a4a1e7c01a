/**
 * The IpAddrGroup and IpAddrGroupAddr JSON (reference §9.11-§9.12, `MM/IpAddrGroup.java`,
 * `MM/IpAddrGroupAddr.java`). A member address is stored inside the group as proto `IPAddrPorts`
 * (`{ ipAddress, portIds }`, canonical text).
 */
import { defineView, sub } from "../view.js";
import { javaUrlEncode } from "./ip-address.js";

export interface StoredIpAddrPort {
  ipAddress: string;
  portIds: string[];
}

export const ipAddrGroupView = defineView({
  schema: "IpAddrGroup",
  path: (group) => `/ip_addr_groups/${group.id}`,
  fields: {
    ipAddrPorts: (group) =>
      ((group.ipAddrPorts as StoredIpAddrPort[] | undefined) ?? []).map((entry) => ({
        ipAddress: entry.ipAddress,
        portIds: entry.portIds ?? [],
      })),
    addrs: sub("ip_addrs"),
  },
});

/**
 * `{ id, ipAddrGroupId, version, addr }` rendered like Ipv4AddrGroupAddr / Ipv6AddrGroupAddr: `uri` carries the
 * URL-encoded address. MidoNet writes `version` twice (type id "4", then the getter's 4); JSON parsers keep the
 * last, the number, which is what this view emits.
 */
function addrView(schema: string) {
  return defineView({
    schema,
    path: (entry) =>
      `/ip_addr_groups/${entry.ipAddrGroupId}/versions/${entry.version}/ip_addrs/${javaUrlEncode(entry.addr)}`,
    fields: {
      ipAddrGroup: (entry, _self, ctx) => ctx.uri(`/ip_addr_groups/${entry.ipAddrGroupId}`),
    },
  });
}

const ipv4AddrView = addrView("Ipv4AddrGroupAddr");
const ipv6AddrView = addrView("Ipv6AddrGroupAddr");

export const addrViewFor = (version: 4 | 6) => (version === 4 ? ipv4AddrView : ipv6AddrView);
