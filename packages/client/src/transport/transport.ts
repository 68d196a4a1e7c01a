import ky, { type KyInstance, type Options as KyOptions, TimeoutError as KyTimeoutError } from "ky";
import { Authenticator } from "../auth/authenticator.js";
import { login } from "../auth/login.js";
import { debugFromEnv, type Logger, stderrLogger } from "../debug.js";
import { errorFromResponse } from "../errors/from-response.js";
import type { MidoNetError } from "../errors/midonet-error.js";
import { NetworkError } from "../errors/network-error.js";
import { TimeoutError } from "../errors/timeout-error.js";
import type { Hooks } from "../hooks/hooks.js";
import type { ClientOptions } from "../options.js";
import { backoffDelay, retryAfterSeconds, sleep } from "../retry/backoff.js";
import { type RetryPolicy, retryPolicy } from "../retry/retry-options.js";
import type { CallOptions } from "../types.js";

/** A decoded answer: status, headers and the parsed JSON body (`undefined` for an empty body, e.g. 201/204). */
export interface Answer {
  status: number;
  headers: Headers;
  data: unknown;
}

const DEFAULT_BASE = "http://localhost:8181/midonet-api";

/**
 * Sends requests with ky: vendor media types, the auth token, retries with full-jitter backoff, per-attempt and
 * overall timeouts, 401 re-login, error mapping, hooks and the debug log. ky's own retry is off (it knows neither
 * MidoNet's `RetryAfter` header nor jitter) and HTTP errors are read here, so one ky call is one attempt.
 */
export class Transport {
  /** The API root without a trailing slash. */
  readonly baseUrl: string;
  /** The path of the API root (`/midonet-api`), to turn a `Location` into a path below it. */
  readonly basePath: string;
  readonly auth: Authenticator;
  #ky: KyInstance;
  #ready: Promise<void> | undefined;
  #timeout: number | false;
  #totalTimeout: number | false;
  #retry: RetryPolicy;
  #headers: Record<string, string> | undefined;
  #hooks: Hooks | undefined;
  #log: Logger | undefined;

  constructor(options: ClientOptions) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE).replace(/\/+$/, "");
    this.basePath = new URL(this.baseUrl).pathname.replace(/\/+$/, "");
    this.#timeout = options.timeout ?? 30_000;
    this.#totalTimeout = options.totalTimeout ?? false;
    this.#retry = retryPolicy(options.retry);
    this.#headers = options.headers;
    const hooks = options.hooks;
    this.#hooks = hooks && (hooks.onRequest || hooks.onResponse || hooks.onError || hooks.onRetry) ? hooks : undefined;
    this.#log =
      typeof options.debug === "function"
        ? options.debug
        : (options.debug ?? debugFromEnv())
          ? stderrLogger
          : undefined;
    const base: KyOptions = { retry: 0, throwHttpErrors: false, timeout: false };
    if (options.fetch) {
      base.fetch = options.fetch;
    }
    if (options.dispatcher) {
      (base as Record<string, unknown>).dispatcher = options.dispatcher;
    }
    this.#ky = ky.create(base);
    if (options.ca && !options.dispatcher) {
      const ca = options.ca;
      this.#ready = import("undici").then(
        ({ Agent }) => {
          this.#ky = this.#ky.extend({ dispatcher: new Agent({ connect: { ca: ca as string } }) } as KyOptions);
          this.#ready = undefined;
        },
        (cause: unknown) => {
          throw new TypeError('the "ca" option needs the undici package: npm install undici', { cause });
        },
      );
    }
    this.auth = new Authenticator(options.auth, (credentials) =>
      login(
        async (url, init) => {
          if (this.#ready) {
            await this.#ready;
          }
          try {
            return await this.#ky(url, { ...init, timeout: this.#timeout });
          } catch (cause) {
            throw this.#failure(cause, "POST", url, this.#timeout);
          }
        },
        this.baseUrl,
        credentials,
      ),
    );
  }

  /**
   * Sends one call (all its attempts) and decodes the answer. Rejects with a {@link MidoNetError} subclass, or with
   * the abort reason when `options.signal` aborts.
   */
  async send(
    method: string,
    url: string,
    accept: string | null,
    contentType: string | null,
    body: unknown,
    operationId: string | undefined,
    options: CallOptions | undefined,
  ): Promise<Answer> {
    if (this.#ready) {
      await this.#ready;
    }
    const policy = options?.retry === undefined ? this.#retry : retryPolicy(options.retry, this.#retry);
    const limit = policy.methods.has(method) ? policy.limit : 0;
    const timeout = options?.timeout ?? this.#timeout;
    const total = options?.totalTimeout ?? this.#totalTimeout;
    const totalSignal = total === false ? undefined : AbortSignal.timeout(total);
    const userSignal = options?.signal;
    const signal = totalSignal && userSignal ? AbortSignal.any([userSignal, totalSignal]) : (totalSignal ?? userSignal);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const hooks = this.#hooks;
    const log = this.#log;
    let reauthed = false;
    let retries = 0;

    for (let attempt = 0; ; attempt++) {
      if (this.auth.pending) {
        await this.auth.acquire(false);
      }
      const token = this.auth.token;
      const headers: Record<string, string> = this.#headers ? { ...this.#headers } : {};
      if (accept) {
        headers.accept = accept;
      }
      if (payload !== undefined) {
        headers["content-type"] = contentType ?? "application/json";
      }
      if (token !== undefined) {
        headers["x-auth-token"] = token;
      }
      if (options?.headers) {
        Object.assign(headers, options.headers);
      }
      const init: KyOptions = { method, headers, timeout };
      if (payload !== undefined) {
        init.body = payload;
      }
      if (signal) {
        init.signal = signal;
      }
      const started = hooks || log ? performance.now() : 0;
      if (hooks?.onRequest) {
        safely(hooks.onRequest, { method, url, operationId, attempt });
      }

      let response: Response;
      try {
        response = await this.#ky(url, init);
      } catch (cause) {
        if (userSignal?.aborted && !totalSignal?.aborted) {
          throw userSignal.reason;
        }
        const error = totalSignal?.aborted
          ? new TimeoutError(`${method} ${url} timed out after ${total} ms (totalTimeout)`, {
              method,
              url,
              timeoutMs: total as number,
              scope: "total",
              cause,
            })
          : this.#failure(cause, method, url, timeout);
        const durationMs = hooks || log ? performance.now() - started : 0;
        if (retries < limit && !totalSignal?.aborted) {
          retries++;
          const delay = backoffDelay(attempt, policy.baseDelay, policy.maxDelay);
          const reason = error instanceof TimeoutError ? "timeout" : "network";
          this.#retrying(method, url, operationId, attempt, delay, reason, error.message);
          await this.#wait(delay, signal, totalSignal, userSignal, method, url, total);
          continue;
        }
        log?.(`${method} ${url} failed after ${durationMs.toFixed(1)} ms: ${error.message}`);
        if (hooks?.onError) {
          safely(hooks.onError, { method, url, operationId, attempt, error, durationMs });
        }
        throw error;
      }

      const status = response.status;
      if (hooks || log) {
        const durationMs = performance.now() - started;
        log?.(`${method} ${url} ${status} ${durationMs.toFixed(1)} ms${attempt ? ` (attempt ${attempt + 1})` : ""}`);
        if (hooks?.onResponse) {
          safely(hooks.onResponse, { method, url, operationId, attempt, status, durationMs });
        }
      }

      if (status >= 200 && status < 300) {
        const text = await response.text();
        return { status, headers: response.headers, data: text ? parse(text) : undefined };
      }

      if (status === 401 && !reauthed && this.auth.refreshable) {
        reauthed = true;
        await response.arrayBuffer().catch(() => undefined);
        this.#retrying(method, url, operationId, attempt, 0, "reauth", "401, logging in again");
        await this.auth.acquire(true, token);
        continue;
      }

      const retryAfter = retryAfterSeconds(response.headers);
      if (retries < limit && policy.statusCodes.has(status) && (retryAfter ?? 0) <= policy.maxRetryAfter) {
        retries++;
        await response.arrayBuffer().catch(() => undefined);
        const delay =
          retryAfter !== undefined ? retryAfter * 1000 : backoffDelay(attempt, policy.baseDelay, policy.maxDelay);
        this.#retrying(method, url, operationId, attempt, delay, status, `status ${status}`);
        await this.#wait(delay, signal, totalSignal, userSignal, method, url, total);
        continue;
      }

      const text = await response.text().catch(() => "");
      const error = errorFromResponse(
        status,
        response.statusText,
        text ? parse(text) : undefined,
        method,
        url,
        retryAfter,
      );
      if (hooks?.onError) {
        safely(hooks.onError, { method, url, operationId, attempt, error, durationMs: performance.now() - started });
      }
      throw error;
    }
  }

  #retrying(
    method: string,
    url: string,
    operationId: string | undefined,
    attempt: number,
    delayMs: number,
    reason: number | "network" | "timeout" | "reauth",
    why: string,
  ) {
    this.#log?.(`${method} ${url} retrying in ${Math.round(delayMs)} ms: ${why}`);
    if (this.#hooks?.onRetry) {
      safely(this.#hooks.onRetry, { method, url, operationId, attempt, delayMs, reason });
    }
  }

  async #wait(
    delay: number,
    signal: AbortSignal | undefined,
    totalSignal: AbortSignal | undefined,
    userSignal: AbortSignal | undefined,
    method: string,
    url: string,
    total: number | false,
  ) {
    try {
      await sleep(delay, signal);
    } catch (reason) {
      if (userSignal?.aborted && !totalSignal?.aborted) {
        throw reason;
      }
      throw new TimeoutError(`${method} ${url} timed out after ${total} ms (totalTimeout)`, {
        method,
        url,
        timeoutMs: total as number,
        scope: "total",
      });
    }
  }

  #failure(cause: unknown, method: string, url: string, timeout: number | false): MidoNetError {
    if (cause instanceof KyTimeoutError) {
      return new TimeoutError(`${method} ${url} timed out after ${timeout} ms`, {
        method,
        url,
        timeoutMs: timeout as number,
        scope: "request",
        cause,
      });
    }
    const detail = describe(cause);
    return new NetworkError(`${method} ${url} failed: ${detail}`, { method, url, cause });
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `fetch failed` hides the reason in `cause` (ECONNREFUSED, ECONNRESET, certificate errors). */
function describe(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  const inner = e?.cause?.code ?? e?.cause?.message;
  return inner ? `${e.message} (${inner})` : String(e?.message ?? error);
}

function safely<T>(hook: (event: T) => void, event: T) {
  try {
    hook(event);
  } catch {
    // A failing observer must not fail the request.
  }
}
