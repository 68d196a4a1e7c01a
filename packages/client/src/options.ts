import type { Logger } from "./debug.js";
import type { Hooks } from "./hooks/hooks.js";
import type { RetryOptions } from "./retry/retry-options.js";

/** Log in with `POST /login` (HTTP Basic) and send the token as `X-Auth-Token`; re-login once on 401. */
export interface LoginAuth {
  username: string;
  password: string;
  /** Keystone project (tenant) name, sent as `X-Auth-Project`. */
  project?: string;
}

/**
 * Supplies a token. Called before the first request and again, with `refresh: true`, after a 401 (once per
 * request); the returned token is reused until then.
 */
export type TokenProvider = (context: { refresh: boolean }) => string | Promise<string>;

/** A fixed token, or a provider of tokens. */
export interface TokenAuth {
  token: string | TokenProvider;
}

export interface ClientOptions {
  /**
   * The API root, e.g. `http://127.0.0.1:8181/midonet-api` (a trailing slash is ignored).
   * Default `http://localhost:8181/midonet-api`.
   */
  baseUrl?: string;
  /** How to authenticate. Without it no token is sent (MidoNet's default mock auth accepts that). */
  auth?: LoginAuth | TokenAuth;
  /** Limit of one attempt, in milliseconds; `false` for none. Default `30000`. */
  timeout?: number | false;
  /** Limit of a whole call including retries and their delays, in milliseconds. Default `false` (none). */
  totalTimeout?: number | false;
  /** Retries of idempotent requests; a number is the limit, `false` disables. Default `{ limit: 2 }`. */
  retry?: RetryOptions | number | false;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** Observers for logging and metrics. */
  hooks?: Hooks;
  /**
   * Writes one line per request and retry (method, URL, status, time; never headers or bodies). On when `DEBUG`
   * includes `midonet:*` or `MIDONET_DEBUG=1`; `true` forces it on, a function receives the lines.
   */
  debug?: boolean | Logger;
  /** The `fetch` to use (a wrapper, a mock, or undici's fetch adapted to `Request` objects). Default: global fetch. */
  fetch?: typeof fetch;
  /**
   * An undici `Dispatcher` passed to fetch: a unix socket (`new Agent({ connect: { socketPath } })`), a proxy
   * (`new ProxyAgent(url)`), or tuned keep-alive. The global dispatcher already reuses connections.
   */
  dispatcher?: unknown;
  /**
   * Certificate authorities to trust for HTTPS (PEM). Needs the `undici` package installed (an optional peer
   * dependency); ignored when `dispatcher` is given.
   */
  ca?: string | Uint8Array | readonly (string | Uint8Array)[];
}
