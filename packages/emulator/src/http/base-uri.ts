/**
 * The absolute base URI of the API as seen by the client. MidoNet installs Jetty's ForwardedRequestCustomizer
 * (reference §1), so X-Forwarded-Proto/-Host/-Port win over the Host header; every `uri`, link and `Location` is
 * built from this, never from the listening address.
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

function first(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const head = text?.split(",")[0]?.trim();
  return head ? head : undefined;
}

/** `scheme://host[:port]` of the request. */
export function requestOrigin(req: IncomingMessage, fallbackHost: string): string {
  const proto = first(req.headers["x-forwarded-proto"]) ?? ((req.socket as TLSSocket).encrypted ? "https" : "http");
  let host = first(req.headers["x-forwarded-host"]) ?? first(req.headers.host) ?? fallbackHost;
  const port = first(req.headers["x-forwarded-port"]);
  if (port && !/:\d+$/.test(host) && !host.endsWith("]")) {
    host = `${host}:${port}`;
  }
  return `${proto}://${host}`;
}
