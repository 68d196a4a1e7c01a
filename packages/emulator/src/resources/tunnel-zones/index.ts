/**
 * Group "tunnel-zones": /tunnel_zones, /tunnel_zones/{id} and the member hosts (`RS/TunnelZoneResource.scala`,
 * `RS/TunnelZoneHostResource.scala`; reference §7.1, §7.2, §9.16, §9.17). Stored as `TunnelZone` with `hosts`
 * (the member entries, proto `hosts`) and `hostIds` (proto `host_ids`, bound to Host.tunnel_zone_ids).
 */
import { conflict } from "../../http/errors.js";
import type { StoredObject } from "../../store/store.js";
import { defineCrud } from "../crud.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { createTunnelZoneHost, deleteTunnelZoneHost, getTunnelZoneHost, listTunnelZoneHosts } from "./members.js";
import { tunnelZoneView } from "./view.js";

export const TUNNEL_ZONE_KIND = "TunnelZone";
const NAME_INDEX = "name";
const NAME_EXISTS = "Tunnel zone name already exists.";

/**
 * `throwIfTunnelZoneNameUsed`: any zone with exactly this name, of any type, the zone being updated included — so
 * MidoNet refuses a PUT that keeps the name unchanged (follows the source; coverage note 8).
 */
function refuseUsedName(ctx: RequestContext, name: unknown): void {
  if (typeof name === "string" && ctx.tx.findUnique(TUNNEL_ZONE_KIND, NAME_INDEX, name)) {
    throw conflict(NAME_EXISTS);
  }
}

const zones = defineCrud({
  kind: TUNNEL_ZONE_KIND,
  view: tunnelZoneView,
  hidden: { hosts: [], hostIds: [] },
  // TunnelZone.update(from) copies id, tzHosts and hostIds.
  preserve: ["hosts", "hostIds"],
  deleteMissing: 204,
  beforeCreate(ctx, zone) {
    refuseUsedName(ctx, zone.name);
    return undefined;
  },
  beforeUpdate(ctx, next) {
    refuseUsedName(ctx, next.name);
    return undefined;
  },
  beforeDelete(ctx, current) {
    if (!current) {
      return;
    }
    const vteps = ctx.tx.list("Vtep").filter((vtep) => vtep.tunnelZoneId === current.id);
    if (vteps.length > 0) {
      // Scala prints the id list as an ArrayBuffer (tx.list builds one from the ZooKeeper children).
      throw conflict(
        "Tunnel Zone is used by VTEP(s), please delete the following VTEPs before deleting this tunnel zone: " +
          `ArrayBuffer(${vteps.map((vtep) => vtep.id).join(", ")})`,
      );
    }
  },
});

export const group: ResourceGroup = {
  name: "tunnel-zones",
  handlers: {
    listTunnelZones: zones.list,
    getTunnelZone: zones.get,
    createTunnelZone: zones.create,
    updateTunnelZone: zones.update,
    deleteTunnelZone: zones.delete,
    listTunnelZoneHosts,
    getTunnelZoneHost,
    createTunnelZoneHost,
    deleteTunnelZoneHost,
  },
  setup(store) {
    // A lookup index (the create/update rule above refuses duplicates first); also a guard against a duplicate
    // slipping in through any other write.
    store.defineUniqueIndex({
      kind: TUNNEL_ZONE_KIND,
      name: NAME_INDEX,
      key: (zone: StoredObject) => (typeof zone.name === "string" ? zone.name : undefined),
      conflict: () => conflict(NAME_EXISTS),
    });
  },
};
