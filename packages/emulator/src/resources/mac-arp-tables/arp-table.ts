/**
 * /bridges/{id}/arp_table (`RS/BridgeArpTableResource.scala`). MidoNet reads the bridge's ARP state table
 * directly without looking the bridge up; the table exists with its bridge. Here it is a stored `BridgeArpTable`
 * object (id = bridge id), and a bridge that does not exist has no table: MidoNet's read fails there (500), while a
 * delete only checks that the entry exists (204).
 */
import { badRequest, HttpError, notFound } from "../../http/errors.js";
import type { StoredObject } from "../../store/store.js";
import { locatorUuid } from "../hosts/java-parsing.js";
import { isIpv4 } from "../ports/model.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler, RequestContext } from "../types.js";
import { macToUri, macValue } from "./mac.js";

export const ARP_TABLE_KIND = "BridgeArpTable";

interface ArpEntry {
  ip: string;
  mac: string;
}

const IP_ADDR_INVALID = "is not a valid IP address";
const MAC_ADDRESS_INVALID = "MAC address string must be 6 words of 1 or 2 hex digits joined with 5 ':'";

/** The sub-resource locator's `@PathParam("id") UUID`: 404 without a body when the id is not a UUID. */
const bridgeIdOf = (ctx: RequestContext): string => locatorUuid(ctx.params.id!);

/** The bridge's table, or undefined when there is no such bridge (no state-table directory). */
function findTable(ctx: RequestContext): { stored: StoredObject | undefined; entries: ArpEntry[] } | undefined {
  const bridgeId = bridgeIdOf(ctx);
  if (!ctx.tx.find("Network", bridgeId)) {
    return undefined;
  }
  const stored = ctx.tx.find(ARP_TABLE_KIND, bridgeId);
  return { stored, entries: (stored?.entries as ArpEntry[] | undefined) ?? [] };
}

/** The bridge's table; 500 when there is no such bridge (reading the entries of a missing table fails). */
function table(ctx: RequestContext): { stored: StoredObject | undefined; entries: ArpEntry[] } {
  const found = findTable(ctx);
  if (!found) {
    throw new HttpError(500, `There is no ARP table for network ${ctx.params.id}.`);
  }
  return found;
}

function render(ctx: RequestContext, ip: string, mac: string) {
  return { ip, mac, uri: ctx.uri(`/bridges/${ctx.params.id}/arp_table/${ip}_${macToUri(mac)}`) };
}

/** `parseIpMac`: `{ip}_{mac}` with `-` or `:` in the MAC; 400 for either part malformed. */
function pathEntry(ctx: RequestContext): { ip: string; mac: string; value: string } {
  const ip = ctx.params.ipAddress!;
  if (!isIpv4(ip)) {
    throw badRequest(IP_ADDR_INVALID);
  }
  const mac = ctx.params.macAddress!.replace(/-/g, ":");
  const value = macValue(mac);
  if (value === undefined) {
    throw badRequest(MAC_ADDRESS_INVALID);
  }
  return { ip, mac, value };
}

const write = (ctx: RequestContext, stored: StoredObject | undefined, entries: ArpEntry[]) => {
  const next = { id: ctx.params.id!, entries };
  if (stored) {
    ctx.tx.update(ARP_TABLE_KIND, next);
  } else {
    ctx.tx.create(ARP_TABLE_KIND, next);
  }
};

const list: Handler = (ctx) => ok(table(ctx).entries.map((entry) => render(ctx, entry.ip, entry.mac.toLowerCase())));

const create: Handler = (ctx) => {
  const body = ctx.body as Record<string, any>;
  if (!isIpv4(body.ip)) {
    throw badRequest(IP_ADDR_INVALID);
  }
  const value = macValue(body.mac);
  if (value === undefined) {
    throw badRequest(MAC_ADDRESS_INVALID);
  }
  const { stored, entries } = table(ctx);
  if (entries.some((entry) => entry.ip === body.ip && macValue(entry.mac) === value)) {
    throw new HttpError(500, `The ARP entry ${body.ip} ${body.mac} already exists.`);
  }
  write(ctx, stored, [...entries, { ip: body.ip, mac: body.mac }]);
  return created(render(ctx, body.ip, body.mac).uri);
};

const get: Handler = (ctx) => {
  bridgeIdOf(ctx);
  const { ip, mac, value } = pathEntry(ctx);
  if (!table(ctx).entries.some((entry) => entry.ip === ip && macValue(entry.mac) === value)) {
    throw notFound("The specified bridge does not have the specified ARP table entry.");
  }
  return ok(render(ctx, ip, mac));
};

/** `removePersistent` checks the entry's node exists first, so a missing table is a no-op too (204). */
const remove: Handler = (ctx) => {
  bridgeIdOf(ctx);
  const { ip, value } = pathEntry(ctx);
  const found = findTable(ctx);
  if (!found) {
    return noContent();
  }
  const { stored, entries } = found;
  const kept = entries.filter((entry) => !(entry.ip === ip && macValue(entry.mac) === value));
  if (kept.length !== entries.length) {
    write(ctx, stored, kept);
  }
  return noContent();
};

export const arpTableHandlers = {
  listBridgeArpEntries: list,
  createBridgeArpEntry: create,
  getBridgeArpEntry: get,
  deleteBridgeArpEntry: remove,
};
