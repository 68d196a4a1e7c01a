/**
 * /hosts/{id}/ports: ports bound to host interfaces (`RS/HostInterfacePortResource.scala`). A binding is not an
 * object of its own: it is the Port's `hostId` + `interfaceName`, and the Port.host_id ↔ Host.port_ids binding
 * keeps the host's list (reference §8), in the order ports were bound.
 */

import { HOST_KIND } from "../../hosts/registry.js";
import { conflict, HttpError, notFound } from "../../http/errors.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler } from "../types.js";
import { locatorUuid, uuidOr500 } from "./java-parsing.js";
import { hostInterfacePortView } from "./view.js";

export const PORT_KIND = "Port";

export const listHostInterfacePorts: Handler = (ctx) => {
  const host = ctx.tx.get(HOST_KIND, locatorUuid(ctx.params.id!));
  return ok(ctx.tx.getAll(PORT_KIND, host.portIds).map((port) => hostInterfacePortView.render(ctx, port)));
};

export const getHostInterfacePort: Handler = (ctx) => {
  const hostId = locatorUuid(ctx.params.id!);
  const portId = uuidOr500(ctx.params.portId!);
  const host = ctx.tx.get(HOST_KIND, hostId);
  const port = ((host.portIds as string[] | undefined) ?? []).includes(portId)
    ? ctx.tx.find(PORT_KIND, portId)
    : undefined;
  if (!port) {
    throw notFound("Host interface port not found");
  }
  return ok(hostInterfacePortView.render(ctx, port));
};

/**
 * POST: no bean validation; checks in the resource's order: host exists, host is in a tunnel zone, port exists,
 * port not bound yet (by its interface name), no other port of the host on that interface. Then the port gets
 * the host and the interface name.
 */
export const createHostInterfacePort: Handler = (ctx) => {
  const hostId = locatorUuid(ctx.params.id!);
  const body = (ctx.body ?? {}) as { portId?: string; interfaceName?: string };
  const host = ctx.tx.get(HOST_KIND, hostId);
  if (((host.tunnelZoneIds as string[] | undefined) ?? []).length === 0) {
    throw conflict("The specified host is not in any tunnel zone.");
  }
  if (body.portId === undefined) {
    // tx.get(classOf[Port], null) fails outside the storage exceptions tryTx maps.
    throw new HttpError(500, null);
  }
  const port = ctx.tx.get(PORT_KIND, body.portId);
  if (port.interfaceName !== undefined && port.interfaceName !== null) {
    throw conflict(`Port ${body.portId} is already bound to an interface`);
  }
  const wanted = body.interfaceName ?? null;
  const taken = ctx.tx.getAll(PORT_KIND, host.portIds).some((other) => (other.interfaceName ?? null) === wanted);
  if (taken) {
    throw conflict(`Interface ${wanted} is already bound to a port.`);
  }
  ctx.tx.update(PORT_KIND, { ...port, hostId, interfaceName: wanted });
  return created(ctx.uri(`/hosts/${hostId}/ports/${port.id}`));
};

/** DELETE unbinds the port from whatever host holds it (the path's host is not checked); 404 for a missing port. */
export const deleteHostInterfacePort: Handler = (ctx) => {
  locatorUuid(ctx.params.id!);
  const port = ctx.tx.get(PORT_KIND, ctx.params.portId!);
  ctx.tx.update(PORT_KIND, { ...port, previousHostId: port.hostId ?? null, hostId: null, interfaceName: null });
  return noContent();
};
