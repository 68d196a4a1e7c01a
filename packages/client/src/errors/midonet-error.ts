/** What every {@link MidoNetError} carries besides its message. */
export interface MidoNetErrorDetails {
  /** HTTP status of the answer; `undefined` when there was none (timeout, network failure). */
  status?: number | undefined;
  /** MidoNet's own `code` from the error body (`ErrorEntity.code`, equal to the HTTP status). */
  code?: number | undefined;
  /** MidoNet's `message` from the error body, or `null` when it sent none. */
  serverMessage?: string | null | undefined;
  /** HTTP method of the failed request, e.g. `GET`. */
  method: string;
  /** URL of the failed request, with any user info removed. */
  url: string;
  /** The parsed error body, when there was one. */
  body?: unknown;
  cause?: unknown;
}

/**
 * Base class of every error the client throws for a failed request. Check the subclass (`instanceof NotFoundError`)
 * or `status`; never contains credentials or tokens.
 */
export class MidoNetError extends Error {
  override readonly name: string = "MidoNetError";
  readonly status: number | undefined;
  readonly code: number | undefined;
  readonly serverMessage: string | null | undefined;
  readonly method: string;
  readonly url: string;
  readonly body: unknown;

  /** @internal */
  constructor(message: string, details: MidoNetErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.code = details.code;
    this.serverMessage = details.serverMessage;
    this.method = details.method;
    this.url = redactUrl(details.url);
    this.body = details.body;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      serverMessage: this.serverMessage,
      method: this.method,
      url: this.url,
    };
  }
}

/** Removes `user:password@` from a URL string. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}

/** True for errors thrown by any copy of this package (also across bundles, where `instanceof` fails). */
export function isMidoNetError(error: unknown): error is MidoNetError {
  return error instanceof MidoNetError || (error instanceof Error && "serverMessage" in error && "method" in error);
}
