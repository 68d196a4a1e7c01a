/** Group "mac-arp-tables": a bridge's MAC tables (untagged and per VLAN) and its ARP table (reference §7.2). */
import type { ResourceGroup } from "../types.js";
import { arpTableHandlers } from "./arp-table.js";
import { macTableHandlers } from "./mac-table.js";

export const group: ResourceGroup = {
  name: "mac-arp-tables",
  handlers: { ...macTableHandlers, ...arpTableHandlers },
};
