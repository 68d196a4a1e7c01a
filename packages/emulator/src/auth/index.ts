/** Builds the auth provider from the emulator options: MidoNet's mock provider unless users are given. */
import type { AuthOptions } from "../options.js";
import { MockAuthProvider } from "./mock.js";
import type { AuthProvider } from "./provider.js";
import { readUsersFile, UsersAuthProvider } from "./users.js";

export function createAuthProvider(options: AuthOptions | undefined): AuthProvider {
  if (!options || options.mode === "mock") {
    return new MockAuthProvider();
  }
  if ("file" in options) {
    const file = readUsersFile(options.file);
    return new UsersAuthProvider(file.users, file.tokenTtlSeconds);
  }
  return new UsersAuthProvider(options.users, options.tokenTtlSeconds);
}

export type { AuthProvider, Identity, Tenant } from "./provider.js";
