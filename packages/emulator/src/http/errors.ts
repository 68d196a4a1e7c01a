/**
 * MidoNet's error responses (reference §6): `{"message", "code"}` (ErrorEntity) or, for bean validation,
 * `{"message": "Validation error(s) found", "code": 400, "violations": [...]}` (ValidationErrorEntity), always with
 * the Error-v1 media type. Some statuses have no body at all (Jersey 405/406/415, a few nested 404/409): `empty`.
 */
export const ERROR_MEDIA_TYPE = "application/vnd.org.midonet.Error-v1+json";

export interface Violation {
  property: string;
  message: string;
}

export interface HttpErrorOptions {
  /** Send the status with no body (and no Content-Type), as Jersey does for 405/406/415. */
  empty?: boolean;
  headers?: Record<string, string>;
  violations?: Violation[];
}

/** Thrown anywhere below the server (handlers, store, validation); the server turns it into the response. */
export class HttpError extends Error {
  readonly status: number;
  readonly body: string | null;
  readonly headers: Record<string, string>;

  constructor(status: number, message: string | null, options: HttpErrorOptions = {}) {
    super(message ?? `HTTP ${status}`);
    this.status = status;
    this.headers = options.headers ?? {};
    if (options.empty) {
      this.body = null;
    } else if (options.violations) {
      this.body = JSON.stringify({ message, code: status, violations: options.violations });
    } else {
      this.body = JSON.stringify({ message, code: status });
    }
  }
}

export const badRequest = (message: string | null): HttpError => new HttpError(400, message);
export const notFound = (message: string | null): HttpError => new HttpError(404, message);
export const conflict = (message: string | null): HttpError => new HttpError(409, message);
export const emptyStatus = (status: number): HttpError => new HttpError(status, null, { empty: true });

export function validationError(violations: Violation[]): HttpError {
  return new HttpError(400, "Validation error(s) found", { violations });
}
