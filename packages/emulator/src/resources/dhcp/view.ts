/** DHCP JSON (reference §9.4; `MM/DhcpSubnet.java`, `DhcpHost.java`, `DhcpSubnet6.java`, `DhcpV6Host.java`). */
import type { StoredObject } from "../../store/store.js";
import type { RequestContext } from "../types.js";
import { defineView, sub } from "../view.js";

const [prefixOf, lengthOf] = [
  (object: StoredObject) => String(object.subnetAddress).slice(0, String(object.subnetAddress).lastIndexOf("/")),
  (object: StoredObject) => Number(String(object.subnetAddress).split("/").pop()),
];

/** `subnetAddress.toUriString()`: `<prefix>_<length>`. */
export const subnetUriPart = (subnet: StoredObject): string => `${prefixOf(subnet)}_${lengthOf(subnet)}`;

export const dhcpSubnetView = defineView({
  schema: "DhcpSubnet",
  path: (subnet) => `/bridges/${subnet.networkId}/dhcp/${subnetUriPart(subnet)}`,
  fields: {
    subnetPrefix: prefixOf,
    subnetLength: lengthOf,
    defaultGateway: (s) => s.defaultGateway ?? null,
    serverAddr: (s) => s.serverAddress ?? null,
    // `afterFromProto`: an empty list reads back as null.
    dnsServerAddrs: (s) =>
      Array.isArray(s.dnsServerAddress) && s.dnsServerAddress.length > 0 ? s.dnsServerAddress : null,
    interfaceMTU: (s) => s.interfaceMtu ?? null,
    opt121Routes: (s) =>
      ((s.opt121Routes as Array<Record<string, any>> | undefined) ?? []).map((route) => {
        const dst = route.dstSubnet as string | null | undefined;
        return {
          destinationPrefix: dst ? dst.slice(0, dst.lastIndexOf("/")) : null,
          destinationLength: dst ? Number(dst.split("/").pop()) : 0,
          gatewayAddr: route.gateway ?? null,
        };
      }),
    enabled: (s) => s.enabled ?? true,
    hosts: sub("hosts"),
  },
});

/** A host embedded in its subnet; `uri` = `{subnet uri}/hosts/{macAddr}`. */
export function renderDhcpHost(ctx: RequestContext, subnet: StoredObject, host: Record<string, any>) {
  return {
    macAddr: host.mac ?? null,
    ipAddr: host.ipAddress ?? null,
    name: host.name ?? null,
    extraDhcpOpts: ((host.extraDhcpOpts as Array<Record<string, any>> | undefined) ?? []).map((opt) => ({
      optName: opt.name ?? null,
      optValue: opt.value ?? null,
    })),
    uri: `${dhcpSubnetView.uri(ctx, subnet)}/hosts/${host.mac}`,
  };
}

export const dhcpSubnet6View = defineView({
  schema: "DhcpSubnet6",
  path: (subnet) => `/bridges/${subnet.networkId}/dhcpV6/${subnetUriPart(subnet)}`,
  fields: { prefix: prefixOf, prefixLength: lengthOf, hosts: sub("hostsV6") },
});

/** `DhcpV6Host.clientIdToUri`: every `:` becomes `-`. */
export const clientIdToUri = (clientId: string): string => clientId.replace(/:/g, "-");

export function renderDhcpV6Host(ctx: RequestContext, subnet: StoredObject, host: Record<string, any>) {
  return {
    clientId: host.clientId ?? null,
    fixedAddress: host.ipAddress ?? null,
    name: host.name ?? null,
    uri: `${dhcpSubnet6View.uri(ctx, subnet)}/hostsV6/${clientIdToUri(String(host.clientId))}`,
  };
}
