/**
 * MidoNet's LoginFilter (reference §5.1): any method on `{root}/login`, Basic credentials that split on `:` into
 * exactly two parts, optional `X-Auth-Project`; 200 with Token-v1 JSON and `Set-Cookie: sessionId=<token>`.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { Reply } from "../http/response.js";
import { unauthorized } from "./challenge.js";
import type { AuthProvider } from "./provider.js";

export const TOKEN_MEDIA_TYPE = "application/vnd.org.midonet.Token-v1+json;charset=UTF-8";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const pad = (n: number) => String(n).padStart(2, "0");

/** `EEE, dd-MM-yyyy HH:mm:ss z` in UTC (numeric month), MidoNet's cookie and token expiry format. */
export function formatExpiry(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()} ${pad(
    date.getUTCHours(),
  )}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC`;
}

export function login(provider: AuthProvider, headers: IncomingHttpHeaders): Reply {
  const authorization = headers.authorization;
  if (!authorization) {
    throw unauthorized("Authorization header is not set.", true);
  }
  if (!/^basic /i.test(authorization)) {
    throw unauthorized("Authorization header does not contain Basic.", true);
  }
  const decoded = Buffer.from(authorization.slice(6).trim(), "base64").toString("utf8");
  const parts = decoded.split(":");
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw unauthorized("Authorization header is not valid", true);
  }
  const projectHeader = headers["x-auth-project"];
  const project = typeof projectHeader === "string" && projectHeader.trim() !== "" ? projectHeader.trim() : undefined;
  const token = provider.login(parts[0], parts[1], project);
  const expires = token.expires ? formatExpiry(token.expires) : null;
  return {
    status: 200,
    headers: { "set-cookie": expires ? `sessionId=${token.key}; Expires=${expires}` : `sessionId=${token.key}` },
    body: { key: token.key, expires },
    contentType: TOKEN_MEDIA_TYPE,
  };
}
