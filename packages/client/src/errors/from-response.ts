import { AuthError } from "./auth-error.js";
import { ConflictError } from "./conflict-error.js";
import { MidoNetError } from "./midonet-error.js";
import { NotFoundError } from "./not-found-error.js";
import { UnavailableError } from "./unavailable-error.js";
import { ValidationError, type Violation } from "./validation-error.js";

/** Maps an HTTP error answer to the error class of its meaning. */
export function errorFromResponse(
  status: number,
  statusText: string,
  body: unknown,
  method: string,
  url: string,
  retryAfter?: number,
): MidoNetError {
  const entity = body !== null && typeof body === "object" ? (body as Record<string, unknown>) : undefined;
  const serverMessage = typeof entity?.message === "string" ? entity.message : entity ? null : undefined;
  const code = typeof entity?.code === "number" ? entity.code : undefined;
  const text = serverMessage ?? (typeof body === "string" && body ? body.slice(0, 200) : statusText || "no message");
  const message = `${method} ${url} failed with ${status}: ${text}`;
  const details = { status, code, serverMessage, method, url, body };
  switch (status) {
    case 400:
      return new ValidationError(message, {
        ...details,
        violations: Array.isArray(entity?.violations) ? (entity.violations as Violation[]) : [],
      });
    case 401:
      return new AuthError(message, details);
    case 404:
      return new NotFoundError(message, details);
    case 409:
      return new ConflictError(message, details);
    case 502:
    case 503:
    case 504:
      return new UnavailableError(message, { ...details, retryAfter });
    default:
      return new MidoNetError(message, details);
  }
}
