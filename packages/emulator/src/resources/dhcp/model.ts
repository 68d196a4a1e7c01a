/**
 * Stored DHCP subnets (proto `Topology.Dhcp` / `Topology.DhcpV6`, camelCase proto fields): the subnet address as
 * a CIDR string in `subnetAddress`, the hosts embedded in `hosts` (`MM/DhcpSubnet.java`, `MM/DhcpSubnet6.java`).
 */
import { HttpError } from "../../http/errors.js";
import type { StoredObject, Transaction } from "../../store/store.js";
import { ipv6Uncompressed, isIpv4 } from "../ports/model.js";

export const DHCP_KIND = "Dhcp";
export const DHCP_V6_KIND = "DhcpV6";
const NETWORK_KIND = "Network";

/** `IPAddressUtil.Converter` of a stored address: parseable IPv4 or IPv6 (normalised), otherwise 500. */
export function storedAddress(text: unknown): string | null {
  if (text === undefined || text === null) {
    return null;
  }
  if (typeof text === "string" && isIpv4(text)) {
    return text;
  }
  const v6 = typeof text === "string" && !text.includes(".") ? ipv6Uncompressed(text) : undefined;
  if (v6 === undefined) {
    throw new HttpError(500, `${String(text)} is not a valid IP address`);
  }
  return v6;
}

/** `IPv4Subnet.fromUriCidr` (`a.b.c.d_len`, no length = 32) as `a.b.c.d/len`; undefined when unparseable. */
export function ipv4SubnetFromUri(text: string): string | undefined {
  const [address, length, ...rest] = text.split("_");
  const len = length === undefined ? 32 : Number(length);
  if (rest.length > 0 || !address || !isIpv4(address) || !Number.isInteger(len) || len < 0 || len > 32) {
    return undefined;
  }
  return `${address}/${len}`;
}

/** `IPv6Subnet.fromUriCidr` as `<uncompressed>/len`; undefined when unparseable. */
export function ipv6SubnetFromUri(text: string): string | undefined {
  const cut = text.lastIndexOf("_");
  const address = ipv6Uncompressed(cut < 0 ? text : text.slice(0, cut));
  const len = cut < 0 ? 128 : Number(text.slice(cut + 1));
  if (address === undefined || !Number.isInteger(len) || len < 0 || len > 128) {
    return undefined;
  }
  return `${address}/${len}`;
}

/** `IPSubnet.fromString(prefix, length)` for a stored subnet: invalid input fails (`status` 400 on create, 500 on PUT). */
export function subnetOf(prefix: unknown, length: unknown, v6: boolean, status: 400 | 500): string {
  const len = Number(length ?? 0);
  if (typeof prefix === "string") {
    if (!v6 && prefix.includes(".") && isIpv4(prefix) && len >= 0 && len <= 32) {
      return `${prefix}/${len}`;
    }
    const address = ipv6Uncompressed(prefix);
    if ((v6 || !prefix.includes(".")) && address !== undefined && len >= 0 && len <= 128) {
      return `${address}/${len}`;
    }
  }
  throw new HttpError(status, `Invalid IP address: ${String(prefix)}`);
}

/** The bridge's subnets of `kind` in its id-list order (`getSubnet` reads the bridge first: 404 when missing). */
export function bridgeSubnets(tx: Transaction, bridgeId: string, kind: string): StoredObject[] {
  const bridge = tx.get(NETWORK_KIND, bridgeId);
  return tx.getAll(kind, kind === DHCP_KIND ? bridge.dhcpIds : bridge.dhcpv6Ids);
}

/** The first subnet whose address equals `address` (`getSubnet(...).find(_.subnetAddress == subnetAddress)`). */
export function findSubnet(
  tx: Transaction,
  bridgeId: string,
  kind: string,
  address: string | undefined,
): StoredObject | undefined {
  if (address === undefined) {
    return undefined;
  }
  return bridgeSubnets(tx, bridgeId, kind).find((subnet) => subnet.subnetAddress === address);
}

/** `NETWORK_SUBNET_NOT_FOUND`. */
export function subnetNotFound(bridgeId: string, address: string): HttpError {
  return new HttpError(404, `Network ${bridgeId} does not have a subnet with address ${address}.`);
}

// ----- hosts, embedded in their subnet (`RS/DhcpHostResource.scala`, `RS/DhcpV6HostResource.scala`)

export function hostsOf(subnet: StoredObject): Array<Record<string, any>> {
  return (subnet.hosts as Array<Record<string, any>> | undefined) ?? [];
}

/** `index` (of a host of `subnet`), or, when it is -1, the subnet's 404: a missing host answers as a missing subnet. */
export function existingHostIndex(bridgeId: string, subnet: StoredObject, index: number): number {
  if (index < 0) {
    throw subnetNotFound(bridgeId, String(subnet.subnetAddress));
  }
  return index;
}

/** Stores `subnet` (of `kind`) with `host` appended to its hosts. */
export function addHost(tx: Transaction, kind: string, subnet: StoredObject, host: Record<string, any>): void {
  tx.update(kind, { ...subnet, hosts: [...hostsOf(subnet), host] });
}

/** Stores `subnet` (of `kind`) with its host at `index` replaced by `host`. */
export function replaceHost(
  tx: Transaction,
  kind: string,
  subnet: StoredObject,
  index: number,
  host: Record<string, any>,
): void {
  const hosts = [...hostsOf(subnet)];
  hosts[index] = host;
  tx.update(kind, { ...subnet, hosts });
}

/** Stores `subnet` (of `kind`) without its host at `index`. */
export function removeHost(tx: Transaction, kind: string, subnet: StoredObject, index: number): void {
  tx.update(kind, { ...subnet, hosts: hostsOf(subnet).filter((_host, i) => i !== index) });
}
