import { MidoNetError, type MidoNetErrorDetails } from "./midonet-error.js";

/** 502, 503 or 504 after the retries: a backend is unavailable or an object is being processed. */
export class UnavailableError extends MidoNetError {
  override readonly name = "UnavailableError" as const;
  /** Seconds the server asked to wait (`Retry-After` or MidoNet's `RetryAfter`), when it said. */
  readonly retryAfter: number | undefined;

  /** @internal */
  constructor(message: string, details: MidoNetErrorDetails & { retryAfter?: number | undefined }) {
    super(message, details);
    this.retryAfter = details.retryAfter;
  }
}
