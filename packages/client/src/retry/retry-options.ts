/** How failed requests are retried. Only idempotent methods are retried; POST never is (it could create twice). */
export interface RetryOptions {
  /** Retries after the first attempt. Default `2` (three attempts at most). `0` disables retries. */
  limit?: number;
  /** Base of the exponential backoff in milliseconds: attempt n waits a random time in [0, base·2ⁿ). Default `200`. */
  baseDelay?: number;
  /** Upper bound of one backoff delay in milliseconds. Default `5000`. */
  maxDelay?: number;
  /** Longest `Retry-After` / `RetryAfter` the client waits, in seconds; a longer one fails at once. Default `30`. */
  maxRetryAfter?: number;
  /** HTTP methods retried. Default `["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]`. */
  methods?: readonly string[];
  /** Statuses retried. Default `[502, 503, 504]`. Network errors and per-request timeouts are always retried. */
  statusCodes?: readonly number[];
}

/** @internal */
export interface RetryPolicy {
  limit: number;
  baseDelay: number;
  maxDelay: number;
  maxRetryAfter: number;
  methods: ReadonlySet<string>;
  statusCodes: ReadonlySet<number>;
}

const DEFAULT_METHODS = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"];
const DEFAULT_STATUS = [502, 503, 504];

/** @internal */
export function retryPolicy(options: RetryOptions | number | false | undefined, base?: RetryPolicy): RetryPolicy {
  if (options === false) {
    return { ...(base ?? retryPolicy(undefined)), limit: 0 };
  }
  if (typeof options === "number") {
    return { ...(base ?? retryPolicy(undefined)), limit: options };
  }
  return {
    limit: options?.limit ?? base?.limit ?? 2,
    baseDelay: options?.baseDelay ?? base?.baseDelay ?? 200,
    maxDelay: options?.maxDelay ?? base?.maxDelay ?? 5000,
    maxRetryAfter: options?.maxRetryAfter ?? base?.maxRetryAfter ?? 30,
    methods: options?.methods
      ? new Set(options.methods.map((m) => m.toUpperCase()))
      : (base?.methods ?? new Set(DEFAULT_METHODS)),
    statusCodes: options?.statusCodes ? new Set(options.statusCodes) : (base?.statusCodes ?? new Set(DEFAULT_STATUS)),
  };
}
