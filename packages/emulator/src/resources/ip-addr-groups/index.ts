/**
 * Group "ip-addr-groups": /ip_addr_groups, /ip_addr_groups/{id} and their addresses (`RS/IpAddrGroupResource.scala`,
 * `RS/IpAddrGroupAddrResource.scala`, `RS/IpAddrGroupAddrVersionResource.scala`; reference §7.1, §7.2, §9.11,
 * §9.12). Stored as `IPAddrGroup`; there is no update.
 */
import { badRequest } from "../../http/errors.js";
import { defineCrud } from "../crud.js";
import type { ResourceGroup } from "../types.js";
import { createIpAddrGroupAddr, deleteIpAddrGroupAddr, getIpAddrGroupAddr, listIpAddrGroupAddrs } from "./addresses.js";
import { ipAddrGroupView } from "./view.js";

export const IP_ADDR_GROUP_KIND = "IPAddrGroup";

const groups = defineCrud({
  kind: IP_ADDR_GROUP_KIND,
  view: ipAddrGroupView,
  hidden: { ipAddrPorts: [] },
  deleteMissing: 204,
  beforeCreate(ctx, group) {
    // `IpAddrPort.ipAddress` is the abstract `IPAddr`, which Jackson cannot build (coverage "Reference … 4").
    const entries = (ctx.rawBody as Record<string, unknown> | undefined)?.ipAddrPorts;
    if (Array.isArray(entries) && entries.some((entry) => entry && (entry as any).ipAddress != null)) {
      throw badRequest(
        "Can not construct instance of org.midonet.packets.IPAddr, problem: abstract types either need to be " +
          "mapped to concrete types, have custom deserializer, or be instantiated with additional type information",
      );
    }
    return { ...group, ipAddrPorts: [] };
  },
});

export const group: ResourceGroup = {
  name: "ip-addr-groups",
  handlers: {
    listIpAddrGroups: groups.list,
    getIpAddrGroup: groups.get,
    createIpAddrGroup: groups.create,
    deleteIpAddrGroup: groups.delete,
    listIpAddrGroupAddrs,
    createIpAddrGroupAddr,
    getIpAddrGroupAddr,
    deleteIpAddrGroupAddr,
  },
};
