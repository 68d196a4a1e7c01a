/**
 * /bridges/{id}/dhcp/{subnetAddress}/hosts[/{macAddress}] (`RS/DhcpHostResource.scala`): hosts live inside their
 * subnet, keyed by MAC value. No bean validation; every "not found" (subnet or host) is the subnet message.
 */
import { conflict } from "../../http/errors.js";
import type { StoredObject } from "../../store/store.js";
import { macValueOr500 } from "../mac-arp-tables/mac.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler, RequestContext } from "../types.js";
import {
  addHost,
  DHCP_KIND,
  existingHostIndex,
  findSubnet,
  hostsOf,
  ipv4SubnetFromUri,
  removeHost,
  replaceHost,
  storedAddress,
  subnetNotFound,
} from "./model.js";
import { renderDhcpHost } from "./view.js";

/** The subnet of the path, or 404 "Network <id> does not have a subnet with address a.b.c.d/len.". */
function subnetOfPath(ctx: RequestContext): StoredObject {
  const bridgeId = ctx.params.id!;
  const address = ipv4SubnetFromUri(ctx.params.subnetAddress!);
  const subnet = findSubnet(ctx.tx, bridgeId, DHCP_KIND, address);
  if (!subnet) {
    throw subnetNotFound(bridgeId, address ?? ctx.params.subnetAddress!);
  }
  return subnet;
}

/** `DhcpHost` → proto `DhcpHost` (mac, ip_address, name, extra_dhcp_opts). */
function storedHost(body: Record<string, any>): Record<string, any> {
  return {
    mac: body.macAddr ?? null,
    ipAddress: storedAddress(body.ipAddr),
    name: body.name ?? null,
    extraDhcpOpts: ((body.extraDhcpOpts as Array<Record<string, any>> | undefined) ?? []).map((opt) => ({
      name: opt.optName ?? null,
      value: opt.optValue ?? null,
    })),
  };
}

/** The index of the host whose MAC equals the path's (`MAC.fromString` of both: 500 for a malformed one). */
function indexOfHost(subnet: StoredObject, mac: string): number {
  const wanted = macValueOr500(mac);
  return hostsOf(subnet).findIndex((host) => macValueOr500(host.mac) === wanted);
}

export const listBridgeDhcpHosts: Handler = (ctx) => {
  const subnet = subnetOfPath(ctx);
  return ok(hostsOf(subnet).map((host) => renderDhcpHost(ctx, subnet, host)));
};

export const createBridgeDhcpHost: Handler = (ctx) => {
  const subnet = subnetOfPath(ctx);
  const body = ctx.body as Record<string, any>;
  const mac = macValueOr500(body.macAddr);
  if (hostsOf(subnet).some((host) => macValueOr500(host.mac) === mac)) {
    throw conflict(
      `Subnet ${subnet.subnetAddress} on bridge ${ctx.params.id} already has a host with MAC address ${body.macAddr}.`,
    );
  }
  const host = storedHost(body);
  addHost(ctx.tx, DHCP_KIND, subnet, host);
  return created(renderDhcpHost(ctx, subnet, host).uri);
};

export const getBridgeDhcpHost: Handler = (ctx) => {
  const subnet = subnetOfPath(ctx);
  const index = existingHostIndex(ctx.params.id!, subnet, indexOfHost(subnet, ctx.params.macAddress!));
  return ok(renderDhcpHost(ctx, subnet, hostsOf(subnet)[index]!));
};

export const updateBridgeDhcpHost: Handler = (ctx) => {
  const subnet = subnetOfPath(ctx);
  const index = existingHostIndex(ctx.params.id!, subnet, indexOfHost(subnet, ctx.params.macAddress!));
  // Replaced in place; the body's MAC is checked against nothing.
  replaceHost(ctx.tx, DHCP_KIND, subnet, index, storedHost(ctx.body as Record<string, any>));
  return noContent();
};

export const deleteBridgeDhcpHost: Handler = (ctx) => {
  const subnet = subnetOfPath(ctx);
  const index = existingHostIndex(ctx.params.id!, subnet, indexOfHost(subnet, ctx.params.macAddress!));
  removeHost(ctx.tx, DHCP_KIND, subnet, index);
  return noContent();
};
