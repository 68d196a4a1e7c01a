/**
 * The ServiceContainer and ServiceContainerGroup JSON (reference §9.33, `MM/ServiceContainer.java`,
 * `MM/ServiceContainerGroup.java`). A container's `hostId` and status fields are not stored: like
 * `ServiceContainerResource.setStatus` they come from its port — nothing without a port, `STOPPED` while the port is
 * not bound to a host, otherwise the status the agent on that host reported, which the emulator never has (no
 * agent), so `STOPPED` too.
 */
import type { StoredObject } from "../../store/store.js";
import type { RequestContext } from "../types.js";
import { defineView, ref, sub } from "../view.js";

export const GROUP_KIND = "ServiceContainerGroup";
export const CONTAINER_KIND = "ServiceContainer";

export const groupView = defineView({
  schema: "ServiceContainerGroup",
  path: (group) => `/service_container_groups/${group.id}`,
  fields: { serviceContainers: sub("service_containers") },
});

const containerView = defineView({
  schema: "ServiceContainer",
  path: (container) => `/service_containers/${container.id}`,
  fields: {
    port: ref("ports", "portId"),
    serviceContainerGroup: ref("service_container_groups", "serviceGroupId"),
  },
});

/** `setStatus`: the port must exist (404 otherwise, as `getResource` answers). */
function withStatus(ctx: RequestContext, container: StoredObject): StoredObject {
  if (typeof container.portId !== "string") {
    return container;
  }
  const port = ctx.tx.get("Port", container.portId);
  const hostId = (port.hostId as string | undefined) ?? null;
  return { ...container, hostId, statusCode: "STOPPED" };
}

export const serviceContainerView = {
  uri: containerView.uri,
  render: (ctx: RequestContext, container: StoredObject) => containerView.render(ctx, withStatus(ctx, container)),
};
