/** The 401 answers of MidoNet's auth filters (reference §5.1, §5.2): Error-v1 JSON, sometimes with the challenge. */
import { HttpError } from "../http/errors.js";

/** Two spaces, as MidoNet writes it (`BASIC_AUTH_REALM_FIELD`). */
export const WWW_AUTHENTICATE = 'Basic  realm="BASIC_AUTH_REALM"';

export function unauthorized(message: string | null, challenge: boolean): HttpError {
  return new HttpError(401, message, challenge ? { headers: { "www-authenticate": WWW_AUTHENTICATE } } : {});
}
