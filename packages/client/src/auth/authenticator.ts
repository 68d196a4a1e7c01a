import type { LoginAuth, TokenAuth, TokenProvider } from "../options.js";

/** Performs `POST /login` with the given credentials and resolves to the token. */
export type LoginFunction = (credentials: LoginAuth) => Promise<string>;

/**
 * Holds the token of one client (never process-global) and gets a new one when needed. The credentials live in a
 * private field: they appear in no enumerable property, `toString()`, `JSON.stringify` or `util.inspect` output.
 */
export class Authenticator {
  #credentials: LoginAuth | undefined;
  #provider: TokenProvider | undefined;
  #login: LoginFunction;
  #pending: Promise<string> | undefined;
  /** The token in use, or undefined before the first login. */
  token: string | undefined;
  /** Whether a 401 can be answered by getting a new token. */
  readonly refreshable: boolean;

  constructor(auth: LoginAuth | TokenAuth | undefined, login: LoginFunction) {
    this.#login = login;
    if (auth && "token" in auth) {
      if (typeof auth.token === "function") {
        this.#provider = auth.token;
      } else {
        this.token = auth.token;
      }
    } else if (auth && "username" in auth) {
      this.#credentials = { ...auth };
    }
    this.refreshable = this.#provider !== undefined || this.#credentials !== undefined;
  }

  /** True when a token must be fetched before the next request. */
  get pending(): boolean {
    return this.token === undefined && this.refreshable;
  }

  /**
   * Gets a token: the first one, or (refresh) a new one replacing `stale`. Concurrent callers share one login; a
   * caller whose stale token was already replaced gets the new one without another login.
   */
  acquire(refresh: boolean, stale?: string): Promise<string> {
    if (refresh && this.token !== undefined && this.token !== stale) {
      return Promise.resolve(this.token);
    }
    if (!this.#pending) {
      const next = this.#credentials
        ? this.#login(this.#credentials)
        : Promise.resolve((this.#provider as TokenProvider)({ refresh }));
      this.#pending = next.then(
        (token) => {
          this.token = token;
          this.#pending = undefined;
          return token;
        },
        (error: unknown) => {
          this.#pending = undefined;
          throw error;
        },
      );
    }
    return this.#pending;
  }

  /** Logs in (or asks the provider) now, replacing the current token. */
  refresh(): Promise<string> {
    if (!this.refreshable) {
      return Promise.reject(new TypeError("login() needs auth: { username, password } or a token provider"));
    }
    return this.acquire(true, this.token);
  }

  toString(): string {
    return "[Authenticator]";
  }
}
