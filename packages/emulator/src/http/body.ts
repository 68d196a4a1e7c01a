/**
 * Reads a request body with MidoNet's transport rules: at most 1 MiB (after gunzip), `Content-Encoding: gzip`
 * accepted (Jersey's GZIPContentEncodingFilter, reference §1). Oversized bodies answer 413 without reading the rest.
 */
import type { IncomingMessage } from "node:http";
import { gunzipSync } from "node:zlib";
import { HttpError } from "./errors.js";

export const MAX_BODY_BYTES = 1024 * 1024;

export function tooLarge(): HttpError {
  return new HttpError(413, "Request entity too large", { headers: { connection: "close" } });
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > limit) {
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on("data", (chunk: Buffer) => {
      if (failed) {
        return;
      }
      size += chunk.length;
      if (size > limit) {
        failed = true;
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (failed) {
        return;
      }
      const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      // Inside an event handler a throw would escape the promise (an uncaught exception, and no answer).
      try {
        resolve(decode(raw, req.headers["content-encoding"], limit));
      } catch (error) {
        reject(error);
      }
    });
    req.on("error", (error) => {
      if (!failed) {
        failed = true;
        reject(error);
      }
    });
  });
}

function decode(raw: Buffer, encoding: string | undefined, limit: number): Buffer {
  const value = encoding?.trim().toLowerCase();
  if (!value || value === "identity" || raw.length === 0) {
    return raw;
  }
  if (value !== "gzip" && value !== "x-gzip") {
    throw new HttpError(415, null, { empty: true });
  }
  try {
    return gunzipSync(raw, { maxOutputLength: limit });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      throw tooLarge();
    }
    throw new HttpError(400, "The request body is not valid gzip data");
  }
}
