/**
 * /tunnel_zones/{id}/hosts (`RS/TunnelZoneHostResource.scala`): the zone's member entries in the order they were
 * added. Adding a member appends to the zone's `hosts` and `hostIds`; the binding adds the zone to the host's
 * `tunnelZoneIds` and answers 404 "There is no Host with ID …" for an unknown host.
 */
import { emptyStatus, notFound } from "../../http/errors.js";
import type { StoredObject } from "../../store/store.js";
import { locatorUuid, uuidOr500 } from "../hosts/java-parsing.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler, RequestContext } from "../types.js";
import { type TunnelZoneMember, tunnelZoneHostView } from "./view.js";

const KIND = "TunnelZone";

function members(zone: StoredObject): TunnelZoneMember[] {
  return (zone.hosts as TunnelZoneMember[] | undefined) ?? [];
}

function render(ctx: RequestContext, zone: StoredObject, member: TunnelZoneMember) {
  return tunnelZoneHostView.render(ctx, { ...member, id: member.hostId, tunnelZoneId: zone.id });
}

export const listTunnelZoneHosts: Handler = (ctx) => {
  const zone = ctx.tx.get(KIND, locatorUuid(ctx.params.id!));
  return ok(members(zone).map((member) => render(ctx, zone, member)));
};

export const getTunnelZoneHost: Handler = (ctx) => {
  const zoneId = locatorUuid(ctx.params.id!);
  const hostId = uuidOr500(ctx.params.hostId!);
  const zone = ctx.tx.get(KIND, zoneId);
  const member = members(zone).find((entry) => entry.hostId === hostId);
  if (!member) {
    throw notFound("Resource not found");
  }
  return ok(render(ctx, zone, member));
};

/** Bean validation first, then the zone (404), then a duplicate member (409, no body). */
export const createTunnelZoneHost: Handler = (ctx) => {
  const zoneId = locatorUuid(ctx.params.id!);
  const body = ctx.body as { hostId: string; ipAddress: string };
  const zone = ctx.tx.get(KIND, zoneId);
  if (members(zone).some((entry) => entry.hostId === body.hostId)) {
    throw emptyStatus(409);
  }
  const member: TunnelZoneMember = { hostId: body.hostId, ip: body.ipAddress };
  const hostIds = (zone.hostIds as string[] | undefined) ?? [];
  ctx.tx.update(KIND, { ...zone, hosts: [...members(zone), member], hostIds: [...hostIds, body.hostId] });
  return created(ctx.uri(`/tunnel_zones/${zone.id}/hosts/${body.hostId}`));
};

/** 404 JSON for a missing zone, 404 without body when the host is not a member. */
export const deleteTunnelZoneHost: Handler = (ctx) => {
  const zoneId = locatorUuid(ctx.params.id!);
  const hostId = uuidOr500(ctx.params.hostId!);
  const zone = ctx.tx.get(KIND, zoneId);
  if (!members(zone).some((entry) => entry.hostId === hostId)) {
    throw emptyStatus(404);
  }
  const hostIds = ((zone.hostIds as string[] | undefined) ?? []).filter((id) => id !== hostId);
  ctx.tx.update(KIND, { ...zone, hosts: members(zone).filter((entry) => entry.hostId !== hostId), hostIds });
  return noContent();
};
