/**
 * Media-type negotiation per operation, following `x-midonet-negotiation` (reference §3.3):
 * - generic (MidonetResource's own check): `Accept` (GET) or `Content-Type` (POST/PUT) must be compatible with one
 *   of the allowed types, parameters ignored, wildcards allowed; otherwise 406 with no body. A missing header is 406.
 * - jersey (methods with their own @Produces/@Consumes): wrong `Accept` 406, wrong `Content-Type` 415, no body;
 *   a missing `Accept` means any.
 * In both, a body whose Content-Type is not JSON at all never reaches MidoNet: Jersey has no reader for it (415).
 */
import { emptyStatus } from "../http/errors.js";
import type { Operation } from "./operations.js";

interface MediaType {
  type: string;
  subtype: string;
  q: number;
}

function parse(text: string): MediaType | undefined {
  const [essence, ...params] = text.split(";");
  const match = /^\s*([^\s/]+)\/([^\s/]+)\s*$/.exec(essence ?? "");
  if (!match) {
    return undefined;
  }
  let q = 1;
  for (const param of params) {
    const [name, value] = param.split("=").map((s) => s.trim());
    if (name?.toLowerCase() === "q" && value !== undefined) {
      q = Number(value);
    }
  }
  return { type: match[1]!.toLowerCase(), subtype: match[2]!.toLowerCase(), q: Number.isNaN(q) ? 1 : q };
}

function parseList(header: string): MediaType[] {
  return header
    .split(",")
    .map((part) => parse(part))
    .filter((m): m is MediaType => m !== undefined && m.q > 0);
}

function compatible(a: MediaType, b: MediaType): boolean {
  if (a.type === "*" || b.type === "*") {
    return true;
  }
  return a.type === b.type && (a.subtype === "*" || b.subtype === "*" || a.subtype === b.subtype);
}

function isJsonLike(m: MediaType): boolean {
  return m.type === "*" || m.subtype === "*" || m.subtype === "json" || m.subtype.endsWith("+json");
}

const cache = new Map<string, MediaType>();
function parseAllowed(text: string): MediaType {
  let parsed = cache.get(text);
  if (!parsed) {
    parsed = parse(text) ?? { type: "application", subtype: "json", q: 1 };
    cache.set(text, parsed);
  }
  return parsed;
}

/**
 * The Content-Type of a successful response, chosen from the operation's produced types by the `Accept` header;
 * throws 406 when none fits. Undefined when the operation produces no content.
 */
export function negotiateResponseType(operation: Operation, accept: string | undefined): string | undefined {
  if (operation.produces.length === 0) {
    return undefined;
  }
  if (accept === undefined || accept.trim() === "") {
    if (operation.negotiation === "generic") {
      throw emptyStatus(406);
    }
    return preferred(operation.produces);
  }
  for (const wanted of parseList(accept)) {
    const candidates = operation.produces.filter((allowed) => compatible(parseAllowed(allowed), wanted));
    if (candidates.length === 0) {
      continue;
    }
    const wildcard = wanted.type === "*" || wanted.subtype === "*";
    return wildcard ? preferred(candidates) : candidates[0]!;
  }
  throw emptyStatus(406);
}

/** Jersey writes plain JSON for a wildcard Accept when the resource offers it (reference §3.3). */
function preferred(types: string[]): string {
  return types.includes("application/json") ? "application/json" : types[0]!;
}

/** Checks the request `Content-Type` of an operation that takes a body (415 or 406, empty body). */
export function checkRequestType(operation: Operation, contentType: string | undefined): void {
  if (operation.consumes.length === 0) {
    return;
  }
  const given = contentType ? parse(contentType) : undefined;
  if (!given || !isJsonLike(given)) {
    throw emptyStatus(415);
  }
  if (!operation.consumes.some((allowed) => compatible(parseAllowed(allowed), given))) {
    throw emptyStatus(operation.negotiation === "jersey" ? 415 : 406);
  }
}
