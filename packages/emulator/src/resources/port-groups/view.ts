/** The PortGroup and PortGroupPort JSON (reference §9.10-§9.11, `MM/PortGroup.java`, `MM/PortGroupPort.java`). */
import { defineView, sub } from "../view.js";

export const portGroupView = defineView({
  schema: "PortGroup",
  path: (group) => `/port_groups/${group.id}`,
  fields: { ports: sub("ports") },
});

/** Rendered from `{ id: portId, portGroupId, portId }`. */
export const portGroupPortView = defineView({
  schema: "PortGroupPort",
  path: (member) => `/port_groups/${member.portGroupId}/ports/${member.portId}`,
  fields: {
    port: (member, _self, ctx) => ctx.uri(`/ports/${member.portId}`),
    portGroup: (member, _self, ctx) => ctx.uri(`/port_groups/${member.portGroupId}`),
  },
});

export const membership = (portGroupId: string, portId: string) => ({ id: portId, portGroupId, portId });
