import type { MidoNetError } from "../errors/midonet-error.js";

/** One HTTP attempt, as hooks see it. Never contains headers, bodies or credentials. */
export interface RequestEvent {
  /** HTTP method, upper case. */
  method: string;
  /** Absolute URL of the attempt. */
  url: string;
  /** The document's `operationId`, when the request matches an operation. */
  operationId: string | undefined;
  /** 0 for the first attempt, then 1, 2, … for retries and the re-login repeat. */
  attempt: number;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  /** Time from sending the attempt to the response headers, in milliseconds. */
  durationMs: number;
}

export interface ErrorEvent extends RequestEvent {
  /** The error the call rejects with (or, when `willRetry`, the error of this attempt). */
  error: MidoNetError;
  durationMs: number;
}

export interface RetryEvent extends RequestEvent {
  /** Delay before the next attempt, in milliseconds. */
  delayMs: number;
  /** Why: a retryable status, `network`, `timeout` or `reauth` (401 answered by a fresh login). */
  reason: number | "network" | "timeout" | "reauth";
}

/**
 * Observers for logging and metrics. Called synchronously; a throwing hook is ignored. Set only the ones you use:
 * an absent hook costs nothing.
 */
export interface Hooks {
  /** Before each attempt is sent. */
  onRequest?: (event: RequestEvent) => void;
  /** When an attempt got an HTTP answer (any status). */
  onResponse?: (event: ResponseEvent) => void;
  /** When the call fails for good. */
  onError?: (event: ErrorEvent) => void;
  /** Before waiting for the next attempt. */
  onRetry?: (event: RetryEvent) => void;
}
