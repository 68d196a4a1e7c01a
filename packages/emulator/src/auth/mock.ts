/**
 * MidoNet's default `MockAuthService` (reference §5.3): any credentials log in with token `00000000` and no expiry;
 * any token, or none, is the admin user of tenant `admin`.
 */
import type { AuthProvider, Identity, Tenant, Token } from "./provider.js";

const ADMIN: Identity = { user: "admin-user", tenant: "admin", roles: ["admin"] };

export class MockAuthProvider implements AuthProvider {
  login(): Token {
    return { key: "00000000", expires: null };
  }

  authorize(): Identity {
    return ADMIN;
  }

  tenants(): Tenant[] {
    return [{ id: "admin", name: "admin", description: "Admin Tenant", enabled: true }];
  }
}
