/**
 * A users-file provider that behaves like Keystone-backed MidoNet (reference §5.3): login checks the password and
 * the project, tokens are random and expire, requests need a valid `X-Auth-Token`. Roles map to MidoNet's roles;
 * only `admin` passes the AdminOnly filter.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { UserSpec } from "../options.js";
import { unauthorized } from "./challenge.js";
import type { AuthProvider, Identity, Role, Tenant, Token } from "./provider.js";

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

interface Session {
  identity: Identity;
  expires: Date;
}

export interface UsersFile {
  users: UserSpec[];
  tokenTtlSeconds?: number;
}

export function readUsersFile(path: string): UsersFile {
  const parsed = JSON.parse(readFileSync(path, "utf8")) as UsersFile;
  if (!parsed || !Array.isArray(parsed.users)) {
    throw new Error(`${path}: expected {"users": [{"username", "password", "project"?, "role"?}]}`);
  }
  return parsed;
}

export class UsersAuthProvider implements AuthProvider {
  private readonly users = new Map<string, UserSpec>();
  private readonly sessions = new Map<string, Session>();

  constructor(
    users: UserSpec[],
    private readonly ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
    private readonly now: () => number = Date.now,
  ) {
    for (const user of users) {
      this.users.set(user.username, user);
    }
  }

  login(username: string, password: string, project: string | undefined): Token {
    const user = this.users.get(username);
    if (!user || user.password !== password) {
      throw unauthorized("Login failed: invalid credentials", true);
    }
    const tenant = project ?? user.project ?? "admin";
    if (project !== undefined && user.project !== undefined && project !== user.project) {
      throw unauthorized(`Login failed: user ${username} has no role on project ${project}`, true);
    }
    this.forgetExpired();
    const key = randomBytes(16).toString("hex");
    const expires = new Date(this.now() + this.ttlSeconds * 1000);
    const role: Role = user.role ?? "admin";
    this.sessions.set(key, { identity: { user: username, tenant, roles: [role] }, expires });
    return { key, expires };
  }

  authorize(token: string | undefined): Identity {
    if (token === undefined || token.trim() === "") {
      throw unauthorized("No token was passed in.", false);
    }
    const session = this.sessions.get(token);
    if (!session || session.expires.getTime() <= this.now()) {
      this.sessions.delete(token);
      throw unauthorized("Authentication error", true);
    }
    return session.identity;
  }

  tenants(): Tenant[] {
    const names = new Set<string>();
    for (const user of this.users.values()) {
      names.add(user.project ?? "admin");
    }
    return [...names].sort().map((name) => ({ id: name, name, description: name, enabled: true }));
  }

  private forgetExpired(): void {
    const now = this.now();
    for (const [key, session] of this.sessions) {
      if (session.expires.getTime() <= now) {
        this.sessions.delete(key);
      }
    }
  }
}
