/** The TunnelZone and TunnelZoneHost JSON (reference §9.16-§9.17, `MM/TunnelZone.java`, `MM/TunnelZoneHost.java`). */
import { defineView, sub } from "../view.js";

/** A member entry as stored inside the zone: proto `TunnelZone.HostToIp` (`host_id`, `ip`). */
export interface TunnelZoneMember {
  hostId: string;
  ip: string;
}

export const tunnelZoneView = defineView({
  schema: "TunnelZone",
  path: (zone) => `/tunnel_zones/${zone.id}`,
  fields: { hosts: sub("hosts") },
});

/** Rendered from `{ id: hostId, tunnelZoneId, hostId, ip }`. */
export const tunnelZoneHostView = defineView({
  schema: "TunnelZoneHost",
  path: (member) => `/tunnel_zones/${member.tunnelZoneId}/hosts/${member.hostId}`,
  fields: {
    ipAddress: (member) => member.ip,
    host: (member, _self, ctx) => ctx.uri(`/hosts/${member.hostId}`),
    tunnelZone: (member, _self, ctx) => ctx.uri(`/tunnel_zones/${member.tunnelZoneId}`),
  },
});
