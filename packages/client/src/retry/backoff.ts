/** "Full jitter" exponential backoff: a uniformly random delay in [0, min(max, base·2^attempt)). */
export function backoffDelay(attempt: number, baseDelay: number, maxDelay: number, random: () => number = Math.random) {
  return Math.floor(random() * Math.min(maxDelay, baseDelay * 2 ** attempt));
}

/**
 * Seconds to wait from `Retry-After` (seconds or an HTTP date) or MidoNet's own `RetryAfter` header
 * (`ServiceUnavailableHttpException` spells it without the hyphen). `undefined` when absent or unreadable.
 */
export function retryAfterSeconds(headers: Headers, now: number = Date.now()): number | undefined {
  const value = headers.get("retry-after") ?? headers.get("retryafter");
  if (value === null || value.trim() === "") {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && !signal?.aborted) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
