/**
 * A router port's peering table, /routers/{id}/ports/{portId}/peering_table[/{ip}_{mac}] (`RS/PortResource.scala`
 * `RouterPortResource`). In MidoNet it is a state table of the port, not a stored object: it exists exactly while
 * the port exists (else 404 "Resource not found", `tryLegacyRead`/`tryLegacyWrite`), and neither the router nor the
 * port's type is checked. Here one object per port holds the entries; it carries the port's tunnel key so that the
 * table of a deleted port is not seen by a later port created with the same id.
 */
import { badRequest, emptyStatus, HttpError, notFound } from "../../http/errors.js";
import type { StoredObject } from "../../store/store.js";
import { isIpv4, PORT_KIND } from "../ports/model.js";
import { created, noContent, ok } from "../replies.js";
import type { RequestContext } from "../types.js";

export const PEERING_KIND = "PortPeeringTable";
const IP_ADDR_INVALID = "is not a valid IP address";
const MAC_ADDRESS_INVALID = "MAC address string must be 6 words of 1 or 2 hex digits joined with 5 ':'";

interface Entry {
  ip: string;
  mac: string;
}

/** `MAC.fromString(...).toString()`: 1 or 2 hex digits per word, read back as two lower-case digits. */
function parseMac(text: string): string | undefined {
  const words = text.split(":");
  if (words.length !== 6 || !words.every((w) => /^[0-9A-Fa-f]{1,2}$/.test(w))) {
    return undefined;
  }
  return words.map((w) => w.toLowerCase().padStart(2, "0")).join(":");
}

/** `IPv4Addr.fromString(...).toString()`. */
function parseIp(text: string): string | undefined {
  return isIpv4(text) ? text : undefined;
}

/** `ResourceUris.macToUri`. */
const macToUri = (mac: string): string => mac.replace(/:/g, "-");

/** The port's table (its entries), or 404 "Resource not found" when the port, hence the table path, is absent. */
function table(ctx: RequestContext): { port: StoredObject; entries: Entry[] } {
  const port = ctx.tx.find(PORT_KIND, ctx.params.portId!);
  if (!port) {
    throw notFound("Resource not found");
  }
  const stored = ctx.tx.find(PEERING_KIND, port.id);
  const entries = stored && stored.tunnelKey === port.tunnelKey ? (stored.entries as Entry[]) : [];
  return { port, entries };
}

function save(ctx: RequestContext, port: StoredObject, entries: Entry[]): void {
  const value = { id: port.id, tunnelKey: port.tunnelKey ?? null, entries };
  if (ctx.tx.find(PEERING_KIND, port.id)) {
    ctx.tx.update(PEERING_KIND, value);
  } else {
    ctx.tx.create(PEERING_KIND, value);
  }
}

/** `parseIpMac` of the `{ip}_{mac}` path segment (`-` or `:` separators). */
function pathEntry(ctx: RequestContext): Entry {
  const ip = parseIp(ctx.params.ipAddress ?? "");
  if (!ip) {
    throw badRequest(IP_ADDR_INVALID);
  }
  const mac = parseMac((ctx.params.macAddress ?? "").replace(/-/g, ":"));
  if (!mac) {
    throw badRequest(MAC_ADDRESS_INVALID);
  }
  return { ip, mac };
}

const same = (a: Entry, b: Entry): boolean => a.ip === b.ip && a.mac === b.mac;

/** Every entry's `uri` is the request URI followed by `/{ip}_{mac with '-'}`. */
export function listRouterPortPeeringEntries(ctx: RequestContext) {
  const { entries } = table(ctx);
  return ok(entries.map((e) => ({ ip: e.ip, mac: e.mac, uri: `${ctx.requestUri}/${e.ip}_${macToUri(e.mac)}` })));
}

/** Adding an entry that is already there fails on the existing state node: 409 "Conflicting write". */
export function createRouterPortPeeringEntry(ctx: RequestContext) {
  const body = ctx.body as { ip: string; mac: string };
  const ip = parseIp(body.ip);
  if (!ip) {
    throw badRequest(IP_ADDR_INVALID);
  }
  const mac = parseMac(body.mac);
  if (!mac) {
    throw badRequest(MAC_ADDRESS_INVALID);
  }
  const { port, entries } = table(ctx);
  const entry = { ip, mac };
  if (entries.some((e) => same(e, entry))) {
    throw new HttpError(409, "Conflicting write");
  }
  save(ctx, port, [...entries, entry]);
  // The Location uses the body's text as sent (MacIpPair.getUri of the request entry).
  return created(`${ctx.requestUri}/${body.ip}_${macToUri(body.mac)}`);
}

/**
 * A missing entry raises the message key `PeeringEntryNotFound`, absent from ValidationMessages.properties: the
 * lookup throws outside any handler and the container answers 500 without MidoNet's JSON body.
 */
export function getRouterPortPeeringEntry(ctx: RequestContext) {
  const entry = pathEntry(ctx);
  const { entries } = table(ctx);
  if (!entries.some((e) => same(e, entry))) {
    throw emptyStatus(500);
  }
  const base = ctx.requestUri.slice(0, ctx.requestUri.lastIndexOf("/"));
  return ok({ ip: entry.ip, mac: entry.mac, uri: `${base}/${entry.ip}_${macToUri(entry.mac)}` });
}

/** Removing an absent entry is not an error. */
export function deleteRouterPortPeeringEntry(ctx: RequestContext) {
  const entry = pathEntry(ctx);
  const { port, entries } = table(ctx);
  if (entries.some((e) => same(e, entry))) {
    save(
      ctx,
      port,
      entries.filter((e) => !same(e, entry)),
    );
  }
  return noContent();
}
