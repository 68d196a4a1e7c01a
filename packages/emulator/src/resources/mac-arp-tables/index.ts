/** Group "mac-arp-tables": a bridge's MAC tables (untagged and per VLAN) and its ARP table (reference §7.2). */
import { NETWORK_KIND } from "../bridges/index.js";
import type { ResourceGroup } from "../types.js";
import { ARP_TABLE_KIND, arpTableHandlers } from "./arp-table.js";
import { MAC_TABLE_KIND, macTableHandlers, vlanTables } from "./mac-table.js";

export const group: ResourceGroup = {
  name: "mac-arp-tables",
  handlers: { ...macTableHandlers, ...arpTableHandlers },
  setup(store) {
    // The tables live and die with their bridge, as MidoNet's state tables under the Network do.
    store.defineOwnedState(NETWORK_KIND, (tx, bridge) => {
      tx.delete(ARP_TABLE_KIND, bridge.id, { ignoreMissing: true });
      for (const table of vlanTables(tx, bridge.id)) {
        tx.delete(MAC_TABLE_KIND, table.id);
      }
    });
  },
};
