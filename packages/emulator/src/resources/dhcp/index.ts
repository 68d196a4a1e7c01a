/** Group "dhcp": the DHCP and DHCPv6 subnets of a bridge and their hosts (reference §7.2, §9.4). */
import type { ResourceGroup } from "../types.js";
import * as hosts from "./hosts.js";
import * as subnets from "./subnets.js";
import * as v6 from "./v6.js";

export const group: ResourceGroup = {
  name: "dhcp",
  handlers: { ...subnets, ...hosts, ...v6 },
};
