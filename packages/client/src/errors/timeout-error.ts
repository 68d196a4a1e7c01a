import { MidoNetError, type MidoNetErrorDetails } from "./midonet-error.js";

/** The per-request `timeout` or the overall `totalTimeout` elapsed before an answer. */
export class TimeoutError extends MidoNetError {
  override readonly name = "TimeoutError" as const;
  /** The limit that elapsed, in milliseconds. */
  readonly timeoutMs: number;
  /** Which limit: one attempt (`request`) or the whole call including retries (`total`). */
  readonly scope: "request" | "total";

  /** @internal */
  constructor(message: string, details: MidoNetErrorDetails & { timeoutMs: number; scope: "request" | "total" }) {
    super(message, details);
    this.timeoutMs = details.timeoutMs;
    this.scope = details.scope;
  }
}
