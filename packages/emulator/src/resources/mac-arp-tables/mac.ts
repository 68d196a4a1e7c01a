/** MAC addresses as `midonet-util/.../packets/MAC.java` parses them (`stringToLong`): six `:`-joined words of 1-2 hex digits. */
import { HttpError } from "../../http/errors.js";

const MAC_WORDS = /^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/;

/** The canonical value of a MAC (lower-case, two digits per word), or undefined when `MAC.fromString` would throw. */
export function macValue(text: unknown): string | undefined {
  if (typeof text !== "string" || !MAC_WORDS.test(text)) {
    return undefined;
  }
  return text
    .split(":")
    .map((word) => word.toLowerCase().padStart(2, "0"))
    .join(":");
}

/** `MAC.fromString` where MidoNet does not catch its IllegalArgumentException: 500. */
export function macValueOr500(text: unknown): string {
  const value = macValue(text);
  if (value === undefined) {
    throw new HttpError(
      500,
      `MAC address string must be 6 words of 1 or 2 hex digits joined with 5 ':' but was ${String(text)}`,
    );
  }
  return value;
}

/** `ResourceUris.macToUri`: `:` → `-`. */
export const macToUri = (mac: string): string => mac.replace(/:/g, "-");
