/**
 * Group "hosts": /hosts, /hosts/{id}, the interfaces the agent reported and the port-to-interface bindings
 * (`RS/HostResource.scala`, `RS/InterfaceResource.scala`, `RS/HostInterfacePortResource.scala`; reference §7.1,
 * §7.2, §9.13-§9.15). Hosts are stored `Host` objects (normally registered by the host registry, src/hosts/);
 * alive and interfaces come from the registry.
 */

import { HOST_KIND } from "../../hosts/registry.js";
import { HttpError } from "../../http/errors.js";
import { created, emptyReply, ok } from "../replies.js";
import type { Handler, ResourceGroup } from "../types.js";
import {
  createHostInterfacePort,
  deleteHostInterfacePort,
  getHostInterfacePort,
  listHostInterfacePorts,
} from "./bindings.js";
import { getHostInterface, listHostInterfaces } from "./interfaces.js";
import { hostView } from "./view.js";

const listHosts: Handler = (ctx) => ok(ctx.tx.list(HOST_KIND).map((host) => hostView.render(ctx, host)));

const getHost: Handler = (ctx) => ok(hostView.render(ctx, ctx.tx.get(HOST_KIND, ctx.params.id!)));

/**
 * The generic create (`@AllowCreate` on HostResource): `Host` has no `create()` that picks an id, so a body without
 * one is stored under the proto's default UUID (all zeros) and `getUri` is null, which leaves out `Location`
 * (inferred from `UriResource.absoluteUri` and `Response.created(null)`).
 */
const NIL_UUID = "00000000-0000-0000-0000-000000000000";

const createHost: Handler = (ctx) => {
  const body = ctx.writable();
  const host = ctx.tx.create(HOST_KIND, {
    id: body.id ?? NIL_UUID,
    name: body.name ?? null,
    floodingProxyWeight: body.floodingProxyWeight ?? 1,
    containerWeight: body.containerWeight ?? 1,
    containerLimit: body.containerLimit ?? -1,
    enforceContainerLimit: body.enforceContainerLimit ?? false,
    portIds: [],
    tunnelZoneIds: [],
  });
  return body.id === undefined ? { status: 201 } : created(hostView.uri(ctx, host));
};

/** The four fields HostResource.update takes from the body, each refused when null (in this order). */
const UPDATABLE: ReadonlyArray<readonly [string, string]> = [
  ["floodingProxyWeight", "Flooding proxy weight must not be null."],
  ["containerWeight", "Container weight must not be null."],
  ["containerLimit", "Container limit must not be null."],
  ["enforceContainerLimit", "Enforce container limit must not be null."],
];

/**
 * PUT changes only the four weights and answers 200 with no body. No bean validation runs (the operation is
 * `x-midonet-validation: false`). The stored object is rewritten from the REST model, which has no
 * `hostGroupIds`, so the host's host-group memberships are dropped (coverage note 10).
 */
const updateHost: Handler = (ctx) => {
  const current = ctx.tx.get(HOST_KIND, ctx.params.id!);
  // The raw body decides nullness: the validated one has the schema defaults filled in for absent fields.
  const raw = (ctx.rawBody ?? {}) as Record<string, unknown>;
  const body = ctx.body ?? {};
  const next: Record<string, any> = { ...current, hostGroupIds: [] };
  for (const [field, message] of UPDATABLE) {
    if (raw[field] === undefined || raw[field] === null) {
      throw new HttpError(400, message);
    }
    next[field] = body[field];
  }
  ctx.tx.update(HOST_KIND, next as typeof current);
  return emptyReply(200);
};

/**
 * DELETE: 403 while the agent is alive (checked before the host is read), 404 when missing, 403 while ports are
 * bound; then the host leaves its tunnel zones (their member entries; the `host_ids` side is cleared by the
 * binding) and is deleted. Answers 200 with no body.
 */
const deleteHost: Handler = (ctx) => {
  const id = ctx.params.id!;
  if (ctx.hosts.isAlive(id)) {
    throw new HttpError(403, `Cannot delete host ${id} because it is active.`);
  }
  const host = ctx.tx.get(HOST_KIND, id);
  const bound = (host.portIds as string[] | undefined) ?? [];
  if (bound.length > 0) {
    throw new HttpError(403, `Cannot delete host ${id} because it has ${bound.length} binding(s).`);
  }
  for (const zone of ctx.tx.getAll("TunnelZone", host.tunnelZoneIds)) {
    const members = ((zone.hosts as Array<{ hostId: string }> | undefined) ?? []).filter((m) => m.hostId !== id);
    ctx.tx.update("TunnelZone", { ...zone, hosts: members });
  }
  ctx.tx.delete(HOST_KIND, id);
  return emptyReply(200);
};

export const group: ResourceGroup = {
  name: "hosts",
  handlers: {
    listHosts,
    getHost,
    createHost,
    updateHost,
    deleteHost,
    listHostInterfaces,
    getHostInterface,
    listHostInterfacePorts,
    getHostInterfacePort,
    createHostInterfacePort,
    deleteHostInterfacePort,
  },
};
