/**
 * MidoNet's `IPAddr.fromString` (midonet-util `IPAddr.scala`, `IPv4Addr.scala`, `IPv6Addr.scala`): IPv6 when the
 * text contains ':', else IPv4, whatever version the client says. The canonical text is what MidoNet stores and
 * prints: dotted decimal, or eight lower-case hex groups without zero compression (`1:0:0:0:0:0:0:2`). Failures
 * throw an Error with the Java exception's message.
 */
export interface IpAddress {
  version: 4 | 6;
  canonical: string;
}

/** Java `String.split`: trailing empty strings are dropped. */
function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === "") {
    parts.pop();
  }
  return parts;
}

const illegalIpv4 = (text: string) =>
  new Error(`IPv4 string must be 4 numbers between 0 and 255 joined with 3 '.' but was ${text}`);

const illegalIpv6 = (text: string) =>
  new Error(`IPv6 string must be up to 8 16-bit numbers between 0 and 0xFFFF joined with up to 7 ':' but was ${text}`);

function parseIpv4(text: string): string {
  const bytes = javaSplit(text, ".");
  if (bytes.length !== 4) {
    throw illegalIpv4(text);
  }
  return bytes
    .map((part) => {
      // Scala's toInt is Integer.parseInt: an optional sign, decimal digits; `(value | 0xff) != 0xff` refuses the rest.
      if (!/^[+-]?\d+$/.test(part)) {
        throw illegalIpv4(text);
      }
      const value = Number(part);
      if (!Number.isSafeInteger(value) || value < 0 || value > 255) {
        throw illegalIpv4(text);
      }
      return String(value === 0 ? 0 : value);
    })
    .join(".");
}

/** `IPv6Addr.convertToLongNotation`: expands "::" by counting colons (it does not check the groups). */
function longNotation(text: string): string {
  const n = [...text].filter((c) => c === ":").length - 2;
  const zeros = (count: number) => "0:".repeat(Math.max(0, count));
  if (text === "::") {
    return zeros(8).slice(0, -1);
  }
  if (text.startsWith("::")) {
    return text.replaceAll("::", zeros(7 - n));
  }
  if (text.endsWith("::")) {
    return text.replaceAll("::", `:${zeros(7 - n)}`).slice(0, -1);
  }
  if (text.includes("::")) {
    return text.replaceAll("::", `:${zeros(6 - n)}`);
  }
  return text;
}

/** Java `Long.parseLong(piece, 16)`, as an unsigned 64-bit value. */
function parseHex(piece: string): bigint {
  if (!/^[+-]?[0-9a-fA-F]+$/.test(piece)) {
    throw new Error(`For input string: "${piece}"`);
  }
  const negative = piece.startsWith("-");
  const magnitude = BigInt(`0x${piece.replace(/^[+-]/, "")}`);
  if (magnitude > (negative ? 1n << 63n : (1n << 63n) - 1n)) {
    throw new Error(`For input string: "${piece}"`);
  }
  return BigInt.asUintN(64, negative ? -magnitude : magnitude);
}

function parseIpv6(text: string): string {
  const unbracketed = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const pieces = javaSplit(longNotation(unbracketed), ":");
  if (pieces.length !== 8) {
    throw illegalIpv6(text);
  }
  const values = pieces.map(parseHex);
  const word = (offset: number) =>
    BigInt.asUintN(
      64,
      (values[offset]! << 48n) | (values[offset + 1]! << 32n) | (values[offset + 2]! << 16n) | values[offset + 3]!,
    );
  const upper = word(0);
  const lower = word(4);
  const group = (value: bigint, shift: bigint) => ((value >> shift) & 0xffffn).toString(16);
  return [48n, 32n, 16n, 0n]
    .map((shift) => group(upper, shift))
    .concat([48n, 32n, 16n, 0n].map((shift) => group(lower, shift)))
    .join(":");
}

export function parseIpAddress(text: string): IpAddress {
  return text.includes(":") ? { version: 6, canonical: parseIpv6(text) } : { version: 4, canonical: parseIpv4(text) };
}

/** `URLEncoder.encode(text, "UTF-8")`: what the create's Location carries for the address as sent. */
export function javaUrlEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}
