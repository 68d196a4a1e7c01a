/**
 * /bridges/{id}/dhcp and /bridges/{id}/dhcp/{subnetAddress} (`RS/DhcpSubnetResource.scala`). The subnet is keyed
 * by its address exactly as given (prefix and length, not reduced to the network).
 */
import { conflict, emptyStatus } from "../../http/errors.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler } from "../types.js";
import {
  bridgeSubnets,
  DHCP_KIND,
  findSubnet,
  ipv4SubnetFromUri,
  storedAddress,
  subnetNotFound,
  subnetOf,
} from "./model.js";
import { dhcpSubnetView } from "./view.js";

/** The REST body (`DhcpSubnet`) as stored proto fields; `subnetAddress` computed by the caller. */
function storedFields(body: Record<string, any>): Record<string, any> {
  return {
    defaultGateway: storedAddress(body.defaultGateway),
    serverAddress: storedAddress(body.serverAddr),
    dnsServerAddress: ((body.dnsServerAddrs as unknown[] | undefined) ?? []).map(storedAddress),
    interfaceMtu: body.interfaceMTU ?? null,
    opt121Routes: ((body.opt121Routes as Array<Record<string, any>> | undefined) ?? []).map((route) => ({
      // `DhcpOption121.beforeToProto`: an empty prefix stores no destination.
      dstSubnet:
        typeof route.destinationPrefix === "string" && route.destinationPrefix !== ""
          ? subnetOf(route.destinationPrefix, route.destinationLength, false, 500)
          : null,
      gateway: storedAddress(route.gatewayAddr),
    })),
    enabled: body.enabled ?? true,
  };
}

export const listBridgeDhcpSubnets: Handler = (ctx) =>
  ok(bridgeSubnets(ctx.tx, ctx.params.id!, DHCP_KIND).map((subnet) => dhcpSubnetView.render(ctx, subnet)));

export const createBridgeDhcpSubnet: Handler = (ctx) => {
  const body = ctx.body as Record<string, any>;
  const bridgeId = ctx.params.id!;
  const subnetAddress = subnetOf(body.subnetPrefix, body.subnetLength, false, 400);
  if (findSubnet(ctx.tx, bridgeId, DHCP_KIND, subnetAddress)) {
    throw conflict(`The specified DHCP subnet(${subnetAddress}) already exists on this bridge.`);
  }
  const subnet = ctx.tx.create(DHCP_KIND, {
    ...(typeof body.id === "string" ? { id: body.id } : {}),
    networkId: bridgeId,
    subnetAddress,
    ...storedFields(body),
    hosts: [],
  });
  return created(dhcpSubnetView.uri(ctx, subnet));
};

export const getBridgeDhcpSubnet: Handler = (ctx) => {
  const subnet = findSubnet(ctx.tx, ctx.params.id!, DHCP_KIND, ipv4SubnetFromUri(ctx.params.subnetAddress!));
  if (!subnet) {
    throw emptyStatus(404);
  }
  return ok(dhcpSubnetView.render(ctx, subnet));
};

export const updateBridgeDhcpSubnet: Handler = (ctx) => {
  const bridgeId = ctx.params.id!;
  const path = ctx.params.subnetAddress!;
  const current = findSubnet(ctx.tx, bridgeId, DHCP_KIND, ipv4SubnetFromUri(path));
  if (!current) {
    throw subnetNotFound(bridgeId, path);
  }
  const body = ctx.body as Record<string, any>;
  // `DhcpSubnet.update(from)`: id, bridge and hosts kept; the address recomputed from the body (no duplicate check).
  ctx.tx.update(DHCP_KIND, {
    id: current.id,
    networkId: current.networkId,
    subnetAddress: subnetOf(body.subnetPrefix, body.subnetLength, false, 500),
    ...storedFields(body),
    hosts: current.hosts ?? [],
  });
  return noContent();
};

export const deleteBridgeDhcpSubnet: Handler = (ctx) => {
  const bridgeId = ctx.params.id!;
  const path = ctx.params.subnetAddress!;
  const current = findSubnet(ctx.tx, bridgeId, DHCP_KIND, ipv4SubnetFromUri(path));
  if (!current) {
    throw subnetNotFound(bridgeId, path);
  }
  ctx.tx.delete(DHCP_KIND, current.id);
  return noContent();
};
