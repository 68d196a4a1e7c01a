/** Writing replies: JSON bodies (gzip when the client accepts it, as Jersey's GZIP filter does), empty bodies, errors. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { ERROR_MEDIA_TYPE, HttpError } from "./errors.js";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, already-serialized JSON text, or undefined for no body. */
  body?: unknown;
  contentType?: string;
}

const GZIP_MIN_BYTES = 256;

function acceptsGzip(req: IncomingMessage): boolean {
  const value = req.headers["accept-encoding"];
  return typeof value === "string" && /\bgzip\b/i.test(value);
}

export function writeReply(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) {
    return;
  }
  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    res.setHeader(name, value);
  }
  if (reply.body === undefined || req.method === "HEAD") {
    res.setHeader("content-length", "0");
    res.writeHead(reply.status);
    res.end();
    return;
  }
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  let payload = Buffer.from(text, "utf8");
  if (payload.length >= GZIP_MIN_BYTES && acceptsGzip(req)) {
    payload = gzipSync(payload);
    res.setHeader("content-encoding", "gzip");
    res.setHeader("vary", "Accept-Encoding");
  }
  res.setHeader("content-type", reply.contentType ?? "application/json");
  res.setHeader("content-length", String(payload.length));
  res.writeHead(reply.status);
  res.end(payload);
}

export function errorReply(error: HttpError, charset = false): Reply {
  if (error.body === null) {
    return { status: error.status, headers: error.headers };
  }
  return {
    status: error.status,
    headers: error.headers,
    body: error.body,
    contentType: charset ? `${ERROR_MEDIA_TYPE};charset=UTF-8` : ERROR_MEDIA_TYPE,
  };
}

/** Anything that is not an HttpError is a bug of the emulator: MidoNet answers those 500 with the message. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HttpError(500, message);
}
