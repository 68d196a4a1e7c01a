/**
 * Group "service-containers": /service_container_groups (+ {id}, /service_containers, /service_containers/{id})
 * and /service_containers (+ {id}) (reference §7.1, §9.33, `RS/ServiceContainerGroupResource.scala`,
 * `RS/ServiceContainerResource.scala`). Deleting a group deletes its containers and deleting a container's port
 * deletes the container (binding CASCADE).
 */
import { HttpError } from "../../http/errors.js";
import type { Reply } from "../../http/response.js";
import { defineCrud } from "../crud.js";
import { created, noContent, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { CONTAINER_KIND, GROUP_KIND, groupView, serviceContainerView } from "./view.js";

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

const groups = defineCrud({
  kind: GROUP_KIND,
  view: groupView,
  hidden: { serviceContainerIds: [] },
  deleteMissing: 204,
  // The proto default of `policy` is WEIGHTED_SCHEDULER: a null policy reads back WEIGHTED.
  beforeCreate: (_ctx, object) => ({ ...object, policy: object.policy ?? "WEIGHTED" }),
});

/** `ServiceContainerGroup.update(from)` keeps the container list but not the id: the body's id is written. */
function updateGroup(ctx: RequestContext): Reply {
  const current = ctx.tx.get(GROUP_KIND, ctx.params.id!);
  const body = ctx.writable();
  ctx.tx.update(GROUP_KIND, {
    ...body,
    id: body.id ?? ZERO_UUID,
    policy: body.policy ?? "WEIGHTED",
    serviceContainerIds: current.serviceContainerIds ?? [],
  });
  return noContent();
}

function listContainers(ctx: RequestContext, groupId?: string): Reply {
  const containers =
    groupId === undefined
      ? ctx.tx.list(CONTAINER_KIND)
      : ctx.tx.getAll(CONTAINER_KIND, ctx.tx.get(GROUP_KIND, groupId).serviceContainerIds);
  return ok(containers.map((c) => serviceContainerView.render(ctx, c)));
}

function createContainer(ctx: RequestContext, groupId?: string): Reply {
  const body = ctx.writable();
  // hostId is not a stored field of the container (it is the port's).
  const { hostId: _hostId, ...object } = body;
  if (groupId !== undefined) {
    object.serviceGroupId = groupId;
  }
  const stored = ctx.tx.create(CONTAINER_KIND, object);
  return created(serviceContainerView.uri(ctx, stored));
}

/**
 * `ServiceContainerResource.updateFilter`: nothing of the container is written; the body's `hostId` re-binds the
 * container's port (406 with a JSON message when the container has no port).
 */
function rescheduleContainer(ctx: RequestContext, id: string): Reply {
  const container = ctx.tx.get(CONTAINER_KIND, id);
  const body = ctx.writable();
  if (typeof container.portId !== "string") {
    throw new HttpError(
      406,
      `Container ${container.id} scheduling cannot be changed because it is not connected to a port.`,
    );
  }
  const port = ctx.tx.get("Port", container.portId);
  const hostId = (body.hostId as string | undefined) ?? null;
  if (hostId !== ((port.hostId as string | undefined) ?? null)) {
    ctx.tx.update("Port", { ...port, hostId });
  }
  return noContent();
}

function deleteContainer(ctx: RequestContext, id: string): Reply {
  ctx.tx.delete(CONTAINER_KIND, id, { ignoreMissing: true });
  return noContent();
}

/** `ServiceContainerGroupResource.serviceContainers` reads the group first (404); the container is not matched. */
const inGroup =
  (handler: (ctx: RequestContext, id: string) => Reply) =>
  (ctx: RequestContext): Reply => {
    ctx.tx.get(GROUP_KIND, ctx.params.id!);
    return handler(ctx, ctx.params.containerId!);
  };

function getContainer(ctx: RequestContext, id: string): Reply {
  return ok(serviceContainerView.render(ctx, ctx.tx.get(CONTAINER_KIND, id)));
}

export const group: ResourceGroup = {
  name: "service-containers",
  handlers: {
    listServiceContainerGroups: groups.list,
    getServiceContainerGroup: groups.get,
    createServiceContainerGroup: groups.create,
    updateServiceContainerGroup: updateGroup,
    deleteServiceContainerGroup: groups.delete,
    listServiceContainerGroupServiceContainers: (ctx) => listContainers(ctx, ctx.params.id!),
    createServiceContainerGroupServiceContainer(ctx) {
      ctx.tx.get(GROUP_KIND, ctx.params.id!);
      return createContainer(ctx, ctx.params.id!);
    },
    getServiceContainerGroupServiceContainer: inGroup(getContainer),
    updateServiceContainerGroupServiceContainer: inGroup(rescheduleContainer),
    deleteServiceContainerGroupServiceContainer: inGroup(deleteContainer),
    listServiceContainers: (ctx) => listContainers(ctx),
    getServiceContainer: (ctx) => getContainer(ctx, ctx.params.id!),
    createServiceContainer: (ctx) => createContainer(ctx),
    updateServiceContainer: (ctx) => rescheduleContainer(ctx, ctx.params.id!),
    deleteServiceContainer: (ctx) => deleteContainer(ctx, ctx.params.id!),
  },
};
