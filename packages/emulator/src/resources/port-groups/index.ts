/**
 * Group "port-groups": /port_groups, /port_groups/{id} and the member ports (`RS/PortGroupResource.scala`,
 * `PortGroupPortResource` in `RS/PortResource.scala`; reference §7.1, §7.2, §9.10, §9.11). Membership lives on both
 * sides, Port.port_group_ids ↔ PortGroup.port_ids, kept together by the binding table.
 */
import type { StoredObject } from "../../store/store.js";
import { defineCrud } from "../crud.js";
import { uuidOr500 } from "../hosts/java-parsing.js";
import type { ResourceGroup } from "../types.js";
import { createPortGroupPort, deletePortGroupPort, getPortGroupPort, listPortGroupPorts } from "./members.js";
import { portGroupView } from "./view.js";

export const PORT_GROUP_KIND = "PortGroup";

const groups = defineCrud({
  kind: PORT_GROUP_KIND,
  view: portGroupView,
  // PortGroup.update(from) copies id and portIds only. The model has no service_group_ids, so a PUT stores the
  // group without them and the binding clears portGroupId on those service container groups (coverage note 10).
  hidden: { portIds: [], serviceGroupIds: [] },
  preserve: ["portIds"],
  deleteMissing: 204,
  listFilter(ctx, objects) {
    // listFilter: `port_id` (UUID.fromString, 500 when malformed) and `tenant_id` (exact), either or both.
    const portIdText = ctx.query.get("port_id");
    const portId = portIdText === null ? null : uuidOr500(portIdText);
    const tenantId = ctx.query.get("tenant_id");
    return objects.filter(
      (group: StoredObject) =>
        (portId === null || ((group.portIds as string[] | undefined) ?? []).includes(portId)) &&
        (tenantId === null || group.tenantId === tenantId),
    );
  },
});

export const group: ResourceGroup = {
  name: "port-groups",
  handlers: {
    listPortGroups: groups.list,
    getPortGroup: groups.get,
    createPortGroup: groups.create,
    updatePortGroup: groups.update,
    deletePortGroup: groups.delete,
    listPortGroupPorts,
    getPortGroupPort,
    createPortGroupPort,
    deletePortGroupPort,
  },
};
