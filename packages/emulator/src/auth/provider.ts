/** What MidoNet's AuthService does for the REST API (reference §5): log in, and authorize a token. */
import type { HttpError } from "../http/errors.js";

export type Role = "admin" | "tenant_admin" | "tenant_user";

export interface Identity {
  user: string;
  tenant: string;
  roles: Role[];
}

export interface Token {
  key: string;
  /** Null when the token never expires (the mock provider). */
  expires: Date | null;
}

export interface Tenant {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}

export interface AuthProvider {
  /** Throws a 401 HttpError with the provider's message on bad credentials. */
  login(username: string, password: string, project: string | undefined): Token;
  /**
   * The identity of a token. Throws a 401 HttpError: with the provider's message (no WWW-Authenticate) when the
   * provider rejects the token, or "Authentication error" with the challenge when it cannot identify it.
   */
  authorize(token: string | undefined): Identity;
  /** The tenants the provider knows (for /tenants). */
  tenants(): Tenant[];
}

export type AuthError = HttpError;
