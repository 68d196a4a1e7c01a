/**
 * AuthFilter + AdminOnlyAuthFilter (reference §5.2): the token comes from `X-Auth-Token` only (cookies are not
 * read); an authenticated user without the admin role gets 401 with a null message, not 403.
 */
import type { IncomingHttpHeaders } from "node:http";
import { unauthorized } from "./challenge.js";
import type { AuthProvider, Identity } from "./provider.js";

export function authenticate(provider: AuthProvider, headers: IncomingHttpHeaders): Identity {
  const header = headers["x-auth-token"];
  const token = Array.isArray(header) ? header[0] : header;
  const identity = provider.authorize(token);
  if (!identity.roles.includes("admin")) {
    throw unauthorized(null, false);
  }
  return identity;
}
