/**
 * The stored Port (proto `Topology.Port`, camelCase fields) and the rules for writing one, shared by every group
 * that creates or changes ports (bridge ports, router ports, VXLAN ports of VTEP bindings, host bindings).
 *
 * Stored fields: the writable fields of the REST model plus the device field that tells the kind
 * (`MM/Port.java` `PortFactory`: `vtepId` → Vxlan, else `networkId` → Bridge, else `routerId` → Router) and the
 * back-references the binding table maintains (`portGroupIds`, `routeIds`, `traceRequestIds`, `mirrorIds`, ...).
 * `type`, `networkAddress` and `networkLength` are never stored: reads derive them.
 */
import { randomBytes } from "node:crypto";
import { HttpError } from "../../http/errors.js";
import type { StoredObject, Transaction } from "../../store/store.js";

export const PORT_KIND = "Port";
export const ROUTE_KIND = "Route";

/** `SequenceDispenser.OverlayTunnelKey`: tag OVERLAY_TUNNEL_KEY, seed 1; `next` answers the incremented value. */
export const TUNNEL_KEY_SEQUENCE = "OVERLAY_TUNNEL_KEY";
const TUNNEL_KEY_SEED = 1;

export type PortType = "Bridge" | "Router" | "Vxlan";

/** The read type of a stored port (`PortFactory.getType`). */
export function portType(port: StoredObject): PortType | undefined {
  if (port.vtepId) {
    return "Vxlan";
  }
  if (port.networkId) {
    return "Bridge";
  }
  if (port.routerId) {
    return "Router";
  }
  return undefined;
}

/** The owning bridge or router id (`getDeviceId`). */
export function portDeviceId(port: StoredObject): string | null {
  return (port.networkId as string | undefined) || (port.routerId as string | undefined) || null;
}

/** The next overlay tunnel key (`AbstractPortResource.ensureTunnelKey`): 2, 3, ... like MidoNet's SharedCount. */
export function nextTunnelKey(tx: Transaction): number {
  return tx.nextSequence(TUNNEL_KEY_SEQUENCE) + TUNNEL_KEY_SEED;
}

/** `MAC.random()`: Midokura's OUI `ac:ca:ba` and three random bytes, lower-case. */
export function randomPortMac(): string {
  const tail = [...randomBytes(3)].map((b) => b.toString(16).padStart(2, "0"));
  return ["ac", "ca", "ba", ...tail].join(":");
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses (`midonet-util/.../packets`: IPv4Subnet, IPv6Subnet, IPv6Addr)

const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

/** `IPv4Subnet.isValidIpv4Cidr`: `a.b.c.d/len` with 0 ≤ len ≤ 32. */
export function isIpv4Cidr(cidr: string): boolean {
  const [address, length, ...rest] = cidr.split("/");
  return (
    rest.length === 0 && isIpv4(address ?? "") && length !== undefined && /^\d{1,2}$/.test(length) && +length <= 32
  );
}

function ipv4ToInt(address: string): number {
  return address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function intToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** `IPv4Subnet.toNetworkAddress`. */
export function ipv4NetworkAddress(address: string, length: number): string {
  if (length <= 0) {
    return "0.0.0.0";
  }
  const size = 2 ** (32 - length);
  return intToIpv4(Math.floor(ipv4ToInt(address) / size) * size);
}

/** `IPv6Addr.fromString` + `toString`: eight groups, `%x` each (no `::`); undefined when unparseable. */
export function ipv6Uncompressed(text: string): string | undefined {
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const halves = bare.split("::");
  if (halves.length > 2) {
    return undefined;
  }
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) {
    return undefined;
  }
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) {
    return undefined;
  }
  return groups.map((g) => Number.parseInt(g, 16).toString(16)).join(":");
}

/**
 * A `portSubnet` entry as MidoNet stores and reads it back (`IPSubnetUtil` via `IPSubnet.fromCidr(...).toString()`):
 * IPv4 `a.b.c.d/len` (a missing length is 32), IPv6 in the uncompressed form. Anything else fails in the converter,
 * which MidoNet answers with 500.
 */
export function normalizeSubnet(cidr: string): string {
  if (cidr.includes(".")) {
    const [address, length] = cidr.trim().split("/");
    const len = length === undefined ? 32 : Number(length);
    if (address && isIpv4(address) && Number.isInteger(len) && len >= 0 && len <= 32) {
      return `${address}/${len}`;
    }
  } else {
    const [address, length] = cidr.trim().split("/");
    const v6 = address ? ipv6Uncompressed(address) : undefined;
    const len = length === undefined ? 128 : Number(length);
    if (v6 && Number.isInteger(len) && len >= 0 && len <= 128) {
      return `${v6}/${len}`;
    }
  }
  throw new HttpError(500, `${cidr} is not a valid CIDR`);
}

export interface RouterPortAddressing {
  portAddress: string | null;
  networkAddress: string | null;
  networkLength: number;
}

/**
 * The addressing fields of a stored router port as a read shows them (`RouterPort.afterFromProto` →
 * `setupAddressFromSubnet`): from the first IPv4 entry of `portSubnet`, else the stored `portAddress`, no network.
 */
export function routerPortAddressing(port: Readonly<Record<string, any>>): RouterPortAddressing {
  for (const cidr of (port.portSubnet as string[] | undefined) ?? []) {
    if (isIpv4Cidr(cidr)) {
      const [address, length] = cidr.split("/") as [string, string];
      return { portAddress: address, networkAddress: ipv4NetworkAddress(address, +length), networkLength: +length };
    }
  }
  return { portAddress: (port.portAddress as string | undefined) ?? null, networkAddress: null, networkLength: 0 };
}

/**
 * A router port body's addresses as stored (`RouterPort.create` + `beforeToProto`): `portSubnet` normalised; when
 * it is empty and `portAddress` is set, `portSubnet = ["<portAddress>/<networkLength>"]`; `portAddress` follows
 * the first IPv4 subnet on create. `networkAddress`/`networkLength` are dropped (not proto fields).
 */
export function normalizeRouterPortAddresses(
  body: Record<string, any>,
  options: { creating: boolean },
): Record<string, any> {
  const { networkAddress: _na, networkLength, ...out } = body;
  let subnets = ((out.portSubnet as string[] | undefined) ?? []).map(normalizeSubnet);
  if (options.creating) {
    const derived = routerPortAddressing({ portSubnet: subnets });
    if (derived.portAddress !== null && subnets.some(isIpv4Cidr)) {
      out.portAddress = derived.portAddress;
    }
  }
  if (typeof out.portAddress === "string" && out.portAddress !== "" && subnets.length === 0) {
    subnets = [normalizeSubnet(`${out.portAddress}/${Number(networkLength ?? 0)}`)];
  }
  out.portSubnet = subnets;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Creating ports

/** Fields of a request body that are never stored on a port (derived on read, or REST-only). */
const NOT_STORED = ["type", "active", "bgpStatus", "deviceId"];

function storable(body: Record<string, any>): Record<string, any> {
  const out = { ...body };
  for (const field of NOT_STORED) {
    delete out[field];
  }
  return out;
}

/** Back-reference lists a new port starts with (ZOOM reads absent repeated fields as empty lists). */
const EMPTY_LISTS = {
  inboundMirrorIds: [],
  outboundMirrorIds: [],
  postInFilterMirrorIds: [],
  preOutFilterMirrorIds: [],
  insertionIds: [],
  portGroupIds: [],
  traceRequestIds: [],
  fipNatRuleIds: [],
  mirrorIds: [],
};

/**
 * Creates a bridge port (`BridgePortResource.createFilter`): tunnel key from the sequence, `networkId` = the
 * bridge (which must exist: 404 "There is no Network with ID …"). `body` is the validated writable body.
 */
export function createBridgePort(tx: Transaction, networkId: string, body: Record<string, any>): StoredObject {
  const port: Record<string, any> = { adminStateUp: true, vlanId: 0, ...EMPTY_LISTS, ...storable(body) };
  port.tunnelKey = nextTunnelKey(tx);
  port.networkId = networkId;
  delete port.routerId;
  delete port.vtepId;
  return tx.create(PORT_KIND, port);
}

/** The `/32` LOCAL route MidoNet adds for each IPv4 address of a new router port (`RouterPortResource.createFilter`). */
export function localRoute(portId: string, address: string): Record<string, any> {
  // `new Route("0.0.0.0", 0, address, 32, NextHop.Local, portId, null, 0, null, false)`; beforeToProto keeps
  // routerId null because nextHopPort is set. Proto fields (src_subnet, dst_subnet, next_hop, next_hop_port_id)
  // and the REST model's ones are both written so that either reading of the stored route works.
  return {
    srcSubnet: "0.0.0.0/0",
    dstSubnet: `${address}/32`,
    nextHop: "Local",
    nextHopPortId: portId,
    nextHopGateway: null,
    weight: 0,
    routerId: null,
    attributes: null,
    srcNetworkAddr: "0.0.0.0",
    srcNetworkLength: 0,
    dstNetworkAddr: address,
    dstNetworkLength: 32,
    type: "Local",
    nextHopPort: portId,
    learned: false,
  };
}

/**
 * Creates a router port (`RouterPortResource.createFilter`): tunnel key, `routerId`, a random `ac:ca:ba` MAC when
 * `portMac` is absent, normalised addresses, and one LOCAL `/32` route per IPv4 `portSubnet` entry.
 */
export function createRouterPort(tx: Transaction, routerId: string, body: Record<string, any>): StoredObject {
  const port: Record<string, any> = {
    adminStateUp: true,
    ...EMPTY_LISTS,
    routeIds: [],
    ...normalizeRouterPortAddresses(storable(body), { creating: true }),
  };
  port.tunnelKey = nextTunnelKey(tx);
  port.routerId = routerId;
  delete port.networkId;
  delete port.vtepId;
  delete port.vlanId;
  if (port.portMac === undefined || port.portMac === null) {
    port.portMac = randomPortMac();
  }
  const stored = tx.create(PORT_KIND, port);
  for (const cidr of stored.portSubnet as string[]) {
    if (isIpv4Cidr(cidr)) {
      tx.create(ROUTE_KIND, localRoute(stored.id, cidr.split("/")[0]!));
    }
  }
  return tx.find(PORT_KIND, stored.id)!;
}

/**
 * Creates the VXLAN port of a VTEP binding and adds it to the bridge's `vxLanPortIds`, as
 * `RS/VtepBindingResource.scala` does (`makeAVxlanPort` + `addVxlanPortIds`). MidoNet builds that proto with only
 * id, vtep_id and network_id: no tunnel key (0) and `admin_state_up` false (the proto default). `fields` may carry
 * the id (MidoNet derives it from the bridge and VTEP ids) or anything else to set.
 */
export function createVxlanPort(
  tx: Transaction,
  networkId: string,
  vtepId: string,
  fields: Record<string, any> = {},
): StoredObject {
  const port = tx.create(PORT_KIND, {
    adminStateUp: false,
    tunnelKey: 0,
    ...EMPTY_LISTS,
    ...fields,
    networkId,
    vtepId,
  });
  const network = tx.get("Network", networkId);
  const ids = (network.vxLanPortIds as string[] | undefined) ?? [];
  if (!ids.includes(port.id)) {
    tx.update("Network", { ...network, vxLanPortIds: [...ids, port.id] });
  }
  return tx.find(PORT_KIND, port.id)!;
}

// ---------------------------------------------------------------------------------------------------------------
// Updating ports

/**
 * `PUT /ports/{id}` (`PortResource.updateFilter` → `to.update(from)`): a full replacement by the body, keeping
 * id, tunnelKey, the device field and the back-references; hostId, interfaceName and peerId keep the stored value
 * when it is set, else take the body's (`MM/Port.java` `update`). A router port also keeps `routeIds` and
 * `serviceContainerId`; a VXLAN port takes `vtepId` from the body (`MM/VxLanPort.java` does not keep it).
 */
export function updatedPort(current: StoredObject, body: Record<string, any>): Record<string, any> & { id: string } {
  const type = portType(current);
  let next: Record<string, any> = storable(body);
  if (type === "Router") {
    next = normalizeRouterPortAddresses(next, { creating: false });
  }
  delete next.networkId;
  delete next.routerId;
  if (type !== "Vxlan") {
    delete next.vtepId;
  }
  next.adminStateUp ??= true;
  for (const field of ["hostId", "previousHostId", "interfaceName", "peerId"]) {
    if (current[field] !== undefined && current[field] !== null) {
      next[field] = current[field];
    }
  }
  const kept = [
    "tunnelKey",
    "portGroupIds",
    "traceRequestIds",
    "fipNatRuleIds",
    "mirrorIds",
    "insertionIds",
    "l2insertionInfilterId",
    "l2insertionOutfilterId",
    "srvInsertionIds",
  ];
  if (type === "Router") {
    kept.push("routerId", "routeIds", "serviceContainerId");
  } else {
    kept.push("networkId");
  }
  for (const field of kept) {
    if (current[field] !== undefined) {
      next[field] = current[field];
    } else {
      delete next[field];
    }
  }
  return { ...next, id: current.id };
}
