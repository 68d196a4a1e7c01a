/**
 * The Java parsing that the host, port-group and IP-address-group nested resources do by hand, with the failures MidoNet shows for them:
 * - `UUID.fromString` on nested `{portId}` / `{hostId}` strings and `?port_id=`: not caught, so 500 with the
 *   exception's message (reference-corrections "Reference … 5");
 * - JAX-RS conversion of a sub-resource locator's `@PathParam("id") UUID`: a failure is a 404 without body
 *   (reference §4 "Path params typed UUID").
 * Java 8's `UUID.fromString` accepts any five '-'-separated hex fields ("1-2-3-4-5") and prints the canonical form.
 */
import { emptyStatus, HttpError } from "../../http/errors.js";

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Java's `Long.parseLong(text, 16)` as a 64-bit two's-complement value; throws the NumberFormatException text. */
function parseHexLong(text: string): bigint {
  if (!/^[+-]?[0-9a-fA-F]+$/.test(text)) {
    throw new Error(`For input string: "${text}"`);
  }
  const negative = text.startsWith("-");
  const magnitude = BigInt(`0x${text.replace(/^[+-]/, "")}`);
  if (magnitude > (negative ? 1n << 63n : (1n << 63n) - 1n)) {
    throw new Error(`For input string: "${text}"`);
  }
  return BigInt.asUintN(64, negative ? -magnitude : magnitude);
}

/** `UUID.fromString` (Java 8): the canonical text, or an Error with Java's message. */
export function javaUuid(text: string): string {
  const lower = text.toLowerCase();
  if (CANONICAL.test(lower)) {
    return lower;
  }
  const parts = text.split("-");
  if (parts.length !== 5) {
    throw new Error(`Invalid UUID string: ${text}`);
  }
  const [a, b, c, d, e] = parts.map(parseHexLong) as [bigint, bigint, bigint, bigint, bigint];
  const msb = ((a & 0xffffffffn) << 32n) | ((b & 0xffffn) << 16n) | (c & 0xffffn);
  const lsb = ((d & 0xffffn) << 48n) | (e & 0xffffffffffffn);
  const hex = msb.toString(16).padStart(16, "0") + lsb.toString(16).padStart(16, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A nested id parsed with `UUID.fromString` in the resource code: 500 with Java's message when it fails. */
export function uuidOr500(text: string): string {
  try {
    return javaUuid(text);
  } catch (error) {
    throw new HttpError(500, (error as Error).message);
  }
}

/** A sub-resource locator's `{id}` typed UUID: 404 with no body when JAX-RS cannot convert it. */
export function locatorUuid(text: string): string {
  try {
    return javaUuid(text);
  } catch {
    throw emptyStatus(404);
  }
}

/** `UriBuilder.segment()`: percent-encodes what a path segment may not hold (`/`, `?`, `#`, spaces, …). */
export function segment(text: string): string {
  return encodeURIComponent(text).replace(/%(3A|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/g, (m) => decodeURIComponent(m));
}
