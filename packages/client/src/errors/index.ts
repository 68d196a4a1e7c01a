export { AuthError } from "./auth-error.js";
export { ConflictError } from "./conflict-error.js";
export { errorFromResponse } from "./from-response.js";
export { isMidoNetError, MidoNetError, type MidoNetErrorDetails, redactUrl } from "./midonet-error.js";
export { NetworkError } from "./network-error.js";
export { NotFoundError } from "./not-found-error.js";
export { TimeoutError } from "./timeout-error.js";
export { UnavailableError } from "./unavailable-error.js";
export { ValidationError, type Violation } from "./validation-error.js";
