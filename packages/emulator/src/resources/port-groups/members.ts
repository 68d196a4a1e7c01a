/**
 * /port_groups/{id}/ports (`PortGroupPortResource`, `RS/PortResource.scala`). A membership is stored on the port
 * (`portGroupIds`) and on the group (`portIds`); writing the port's side lets the binding table update the group's
 * side in the same transaction, appending to the group's list.
 */
import { emptyStatus, notFound } from "../../http/errors.js";
import { locatorUuid, uuidOr500 } from "../hosts/java-parsing.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler } from "../types.js";
import { membership, portGroupPortView } from "./view.js";

const PORT_KIND = "Port";
const PORT_GROUP_KIND = "PortGroup";

const ids = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/** The group's members in its `portIds` order; a missing group answers 404. */
export const listPortGroupPorts: Handler = (ctx) => {
  const group = ctx.tx.get(PORT_GROUP_KIND, locatorUuid(ctx.params.id!));
  return ok(
    ctx.tx.getAll(PORT_KIND, group.portIds).map((port) => portGroupPortView.render(ctx, membership(group.id, port.id))),
  );
};

/** The port is read (404 "There is no Port …"), the group is not; a port outside the group is "Resource not found". */
export const getPortGroupPort: Handler = (ctx) => {
  const groupId = locatorUuid(ctx.params.id!);
  const port = ctx.tx.get(PORT_KIND, uuidOr500(ctx.params.portId!));
  if (!ids(port.portGroupIds).includes(groupId)) {
    throw notFound("Resource not found");
  }
  return ok(portGroupPortView.render(ctx, membership(groupId, port.id)));
};

/** Bean validation, then port (404), then group (404); an existing membership on either side is 409 without body. */
export const createPortGroupPort: Handler = (ctx) => {
  const groupId = locatorUuid(ctx.params.id!);
  const { portId } = ctx.body as { portId: string };
  const port = ctx.tx.get(PORT_KIND, portId);
  const group = ctx.tx.get(PORT_GROUP_KIND, groupId);
  if (ids(port.portGroupIds).includes(groupId) || ids(group.portIds).includes(port.id)) {
    throw emptyStatus(409);
  }
  ctx.tx.update(PORT_KIND, { ...port, portGroupIds: [...ids(port.portGroupIds), groupId] });
  return created(ctx.uri(`/port_groups/${groupId}/ports/${port.id}`));
};

/**
 * With the port present: 404 without body when the port does not list the group, 204 when the group does not list
 * the port, else both sides lose the membership. With the port gone: only the group's list is cleaned (204). The
 * group must exist either way (404 "There is no PortGroup …").
 */
export const deletePortGroupPort: Handler = (ctx) => {
  const groupId = locatorUuid(ctx.params.id!);
  const portId = uuidOr500(ctx.params.portId!);
  const port = ctx.tx.find(PORT_KIND, portId);
  const group = ctx.tx.get(PORT_GROUP_KIND, groupId);
  if (port) {
    if (!ids(port.portGroupIds).includes(groupId)) {
      throw emptyStatus(404);
    }
    if (ids(group.portIds).includes(portId)) {
      ctx.tx.update(PORT_KIND, { ...port, portGroupIds: ids(port.portGroupIds).filter((id) => id !== groupId) });
    }
  } else if (ids(group.portIds).includes(portId)) {
    ctx.tx.update(PORT_GROUP_KIND, { ...group, portIds: ids(group.portIds).filter((id) => id !== portId) });
  }
  return noContent();
};
