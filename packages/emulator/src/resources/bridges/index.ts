/**
 * Group "bridges": /bridges and /bridges/{id} (reference §7.1, §9.1, `RS/BridgeResource.scala`). Storage kind
 * `Network`; its ports, DHCP subnets and trace requests go with it through the binding table (CASCADE).
 */
import { badRequest, conflict } from "../../http/errors.js";
import { defineCrud } from "../crud.js";
import type { ResourceGroup } from "../types.js";
import { bridgeView } from "./view.js";

export const NETWORK_KIND = "Network";

const VXLAN_PORT_ID_NOT_SETTABLE =
  "VXLAN port ID cannot be set directly. The VXLAN port is created or deleted in response to the creation or deletion of VTEP bindings.";

const sameIds = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((id, i) => id === b[i]);

const bridges = defineCrud({
  kind: NETWORK_KIND,
  view: bridgeView,
  hidden: { portIds: [], vxLanPortIds: [], dhcpIds: [], dhcpv6Ids: [], traceRequestIds: [] },
  // Bridge.update(from) copies these; not dhcpv6Ids, so a PUT detaches the DHCPv6 subnets (code fact).
  preserve: ["portIds", "vxLanPortIds", "dhcpIds", "traceRequestIds"],
  deleteMissing: 404,
  filters: { tenant_id: "tenantId" },
  beforeCreate(ctx) {
    // vxLanPortIds is read-only in the schema, so only the raw body shows it.
    const given = (ctx.rawBody as Record<string, unknown> | undefined)?.vxLanPortIds;
    if (given !== undefined && given !== null) {
      throw badRequest(VXLAN_PORT_ID_NOT_SETTABLE);
    }
    return undefined;
  },
  beforeUpdate(ctx, _next, current) {
    const given = (ctx.rawBody as Record<string, unknown> | undefined)?.vxLanPortIds;
    if (given !== undefined && given !== null && !sameIds(given, current.vxLanPortIds ?? [])) {
      throw badRequest(VXLAN_PORT_ID_NOT_SETTABLE);
    }
    return undefined;
  },
  beforeDelete(_ctx, current) {
    if (current && Array.isArray(current.vxLanPortIds) && current.vxLanPortIds.length > 0) {
      throw conflict("The bridge still has VTEP bindings, please remove them before deleting the bridge");
    }
  },
});

export const group: ResourceGroup = {
  name: "bridges",
  handlers: {
    listBridges: bridges.list,
    getBridge: bridges.get,
    createBridge: bridges.create,
    updateBridge: bridges.update,
    deleteBridge: bridges.delete,
  },
};
