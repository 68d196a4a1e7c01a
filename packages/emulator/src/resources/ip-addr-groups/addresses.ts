/**
 * The addresses of an IP address group. They live inside the group object, so the duplicate check and the append
 * happen in the one synchronous transaction of the request: concurrent creates of the same address are serialized
 * and exactly one wins (the others get 409).
 */
import { badRequest, conflict, emptyStatus, HttpError, notFound } from "../../http/errors.js";
import { locatorUuid } from "../hosts/java-parsing.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler, RequestContext } from "../types.js";
import { javaUrlEncode, parseIpAddress } from "./ip-address.js";
import { addrViewFor, type StoredIpAddrPort } from "./view.js";

const KIND = "IPAddrGroup";

const entries = (group: Record<string, unknown>): StoredIpAddrPort[] =>
  (group.ipAddrPorts as StoredIpAddrPort[] | undefined) ?? [];

function render(ctx: RequestContext, groupId: string, canonical: string) {
  const { version } = parseIpAddress(canonical);
  return addrViewFor(version).render(ctx, { id: canonical, ipAddrGroupId: groupId, version, addr: canonical });
}

/** One entry per address, in the order they were added; a missing group answers 404. */
export const listIpAddrGroupAddrs: Handler = (ctx) => {
  const group = ctx.tx.get(KIND, locatorUuid(ctx.params.id!));
  return ok(entries(group).map((entry) => render(ctx, group.id, entry.ipAddress)));
};

/**
 * `IpAddrGroupAddrResource.create`: the version must be 4 or 6 (the schema's variants already say so), the address
 * is parsed by its text (400 with the parser's message; a missing one is an uncaught NullPointerException, 500),
 * then the group is read (404) and the address must not be there yet (409, canonical form in the message).
 * Location: the version from the body and the address exactly as sent, URL-encoded.
 */
export const createIpAddrGroupAddr: Handler = (ctx) => {
  const groupId = locatorUuid(ctx.params.id!);
  const body = (ctx.body ?? {}) as { version?: number | string; addr?: string };
  const version = Number(body.version);
  if (version !== 4 && version !== 6) {
    throw badRequest(`Invalid IP version: ${body.version}`);
  }
  if (typeof body.addr !== "string") {
    throw new HttpError(500, null);
  }
  let canonical: string;
  try {
    canonical = parseIpAddress(body.addr).canonical;
  } catch (error) {
    throw badRequest((error as Error).message);
  }
  const group = ctx.tx.get(KIND, groupId);
  if (entries(group).some((entry) => entry.ipAddress === canonical)) {
    throw conflict(`IP address group already contains IP ${canonical}.`);
  }
  ctx.tx.update(KIND, { ...group, ipAddrPorts: [...entries(group), { ipAddress: canonical, portIds: [] }] });
  return created(ctx.uri(`/ip_addr_groups/${groupId}/versions/${version}/ip_addrs/${javaUrlEncode(body.addr)}`));
};

/**
 * The `versions/{version}` locator: `{version}` is a JAX-RS int (not an integer: 404 without body), then 4 or 6
 * (400 "Invalid IP version: n"). `{address}` is parsed with `IPAddr.fromString`, uncaught: 500.
 */
function locate(ctx: RequestContext): { groupId: string; canonical: string } {
  const groupId = locatorUuid(ctx.params.id!);
  const text = ctx.params.version!;
  const version = /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(version) || Math.abs(version) > 2 ** 31 - 1) {
    throw emptyStatus(404);
  }
  if (version !== 4 && version !== 6) {
    throw badRequest(`Invalid IP version: ${version}`);
  }
  try {
    return { groupId, canonical: parseIpAddress(ctx.params.address!).canonical };
  } catch (error) {
    throw new HttpError(500, (error as Error).message);
  }
}

export const getIpAddrGroupAddr: Handler = (ctx) => {
  const { groupId, canonical } = locate(ctx);
  const group = ctx.tx.get(KIND, groupId);
  if (!entries(group).some((entry) => entry.ipAddress === canonical)) {
    throw notFound(`The IP address group does not contain the specified address ${ctx.params.address}`);
  }
  return ok(render(ctx, groupId, canonical));
};

/** Idempotent: an address that is not a member also answers 204; a missing group 404. */
export const deleteIpAddrGroupAddr: Handler = (ctx) => {
  const { groupId, canonical } = locate(ctx);
  const group = ctx.tx.get(KIND, groupId);
  const kept = entries(group).filter((entry) => entry.ipAddress !== canonical);
  if (kept.length !== entries(group).length) {
    ctx.tx.update(KIND, { ...group, ipAddrPorts: kept });
  }
  return noContent();
};
