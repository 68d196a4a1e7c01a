import { MidoNetError } from "./midonet-error.js";

/** 401: login refused, token missing, invalid or expired (after one re-login), or the user is not an admin. */
export class AuthError extends MidoNetError {
  override readonly name = "AuthError" as const;
}
