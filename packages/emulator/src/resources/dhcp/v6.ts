/**
 * /bridges/{id}/dhcpV6[/{subnetAddress}[/hostsV6[/{clientId}]]] (`RS/DhcpV6SubnetResource.scala`,
 * `RS/DhcpV6HostResource.scala`). No duplicate check on subnets; hosts keyed by client id (`-` in URIs for `:`).
 */
import { conflict, emptyStatus } from "../../http/errors.js";
import type { StoredObject } from "../../store/store.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler, RequestContext } from "../types.js";
import {
  addHost,
  bridgeSubnets,
  DHCP_V6_KIND,
  existingHostIndex,
  findSubnet,
  hostsOf,
  ipv6SubnetFromUri,
  removeHost,
  replaceHost,
  storedAddress,
  subnetNotFound,
  subnetOf,
} from "./model.js";
import { dhcpSubnet6View, renderDhcpV6Host } from "./view.js";

const pathSubnet = (ctx: RequestContext) =>
  findSubnet(ctx.tx, ctx.params.id!, DHCP_V6_KIND, ipv6SubnetFromUri(ctx.params.subnetAddress!));

export const listBridgeDhcpV6Subnets: Handler = (ctx) =>
  ok(bridgeSubnets(ctx.tx, ctx.params.id!, DHCP_V6_KIND).map((subnet) => dhcpSubnet6View.render(ctx, subnet)));

export const createBridgeDhcpV6Subnet: Handler = (ctx) => {
  const body = ctx.body as Record<string, any>;
  const subnet = ctx.tx.create(DHCP_V6_KIND, {
    ...(typeof body.id === "string" ? { id: body.id } : {}),
    networkId: ctx.params.id!,
    subnetAddress: subnetOf(body.prefix, body.prefixLength, true, 400),
    hosts: [],
  });
  return created(dhcpSubnet6View.uri(ctx, subnet));
};

export const getBridgeDhcpV6Subnet: Handler = (ctx) => {
  const subnet = pathSubnet(ctx);
  if (!subnet) {
    throw emptyStatus(404);
  }
  return ok(dhcpSubnet6View.render(ctx, subnet));
};

export const updateBridgeDhcpV6Subnet: Handler = (ctx) => {
  const current = pathSubnet(ctx);
  if (!current) {
    throw subnetNotFound(ctx.params.id!, ctx.params.subnetAddress!);
  }
  const body = ctx.body as Record<string, any>;
  ctx.tx.update(DHCP_V6_KIND, {
    id: current.id,
    networkId: current.networkId,
    subnetAddress: subnetOf(body.prefix, body.prefixLength, true, 500),
    hosts: current.hosts ?? [],
  });
  return noContent();
};

export const deleteBridgeDhcpV6Subnet: Handler = (ctx) => {
  const current = pathSubnet(ctx);
  if (!current) {
    throw subnetNotFound(ctx.params.id!, ctx.params.subnetAddress!);
  }
  ctx.tx.delete(DHCP_V6_KIND, current.id);
  return noContent();
};

// ----- hosts

/** For writes: the path subnet or 404 with the subnet message (`subnetNotFoundResp`, IPv6Subnet.toString). */
function subnetForWrite(ctx: RequestContext): StoredObject {
  const subnet = pathSubnet(ctx);
  if (!subnet) {
    throw subnetNotFound(ctx.params.id!, ipv6SubnetFromUri(ctx.params.subnetAddress!) ?? ctx.params.subnetAddress!);
  }
  return subnet;
}

const storedHost = (body: Record<string, any>) => ({
  clientId: body.clientId ?? null,
  ipAddress: storedAddress(body.fixedAddress),
  name: body.name ?? null,
});

/** `DhcpV6Host.clientIdFromUri`: every `-` becomes `:`. */
const indexOfHost = (subnet: StoredObject, clientId: string) =>
  hostsOf(subnet).findIndex((host) => host.clientId === clientId.replace(/-/g, ":"));

export const listBridgeDhcpV6Hosts: Handler = (ctx) => {
  const subnet = pathSubnet(ctx);
  if (!subnet) {
    throw emptyStatus(404);
  }
  return ok(hostsOf(subnet).map((host) => renderDhcpV6Host(ctx, subnet, host)));
};

export const createBridgeDhcpV6Host: Handler = (ctx) => {
  const subnet = subnetForWrite(ctx);
  const body = ctx.body as Record<string, any>;
  if (hostsOf(subnet).some((host) => host.clientId === (body.clientId ?? null))) {
    // MidoNet's message puts the fixed address in the MAC slot.
    throw conflict(
      `Subnet ${subnet.subnetAddress} on bridge ${ctx.params.id} already has a host with MAC address ${body.fixedAddress ?? null}.`,
    );
  }
  const host = storedHost(body);
  addHost(ctx.tx, DHCP_V6_KIND, subnet, host);
  return created(renderDhcpV6Host(ctx, subnet, host).uri);
};

export const getBridgeDhcpV6Host: Handler = (ctx) => {
  const subnet = pathSubnet(ctx);
  const index = subnet ? indexOfHost(subnet, ctx.params.clientId!) : -1;
  if (!subnet || index < 0) {
    throw emptyStatus(404);
  }
  return ok(renderDhcpV6Host(ctx, subnet, hostsOf(subnet)[index]!));
};

export const updateBridgeDhcpV6Host: Handler = (ctx) => {
  const subnet = subnetForWrite(ctx);
  const index = existingHostIndex(ctx.params.id!, subnet, indexOfHost(subnet, ctx.params.clientId!));
  replaceHost(ctx.tx, DHCP_V6_KIND, subnet, index, storedHost(ctx.body as Record<string, any>));
  return noContent();
};

export const deleteBridgeDhcpV6Host: Handler = (ctx) => {
  const subnet = subnetForWrite(ctx);
  const index = existingHostIndex(ctx.params.id!, subnet, indexOfHost(subnet, ctx.params.clientId!));
  removeHost(ctx.tx, DHCP_V6_KIND, subnet, index);
  return noContent();
};
