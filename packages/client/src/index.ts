export { createClient, type MidoNetClient } from "./client.js";
export { debugFromEnv, type Logger } from "./debug.js";
export {
  AuthError,
  ConflictError,
  isMidoNetError,
  MidoNetError,
  type MidoNetErrorDetails,
  NetworkError,
  NotFoundError,
  TimeoutError,
  UnavailableError,
  ValidationError,
  type Violation,
} from "./errors/index.js";
export { type OperationKey, operations } from "./generated/operations.js";
export type * from "./generated/resources.js";
export type { components, paths } from "./generated/schema.js";
export type { ErrorEvent, Hooks, RequestEvent, ResponseEvent, RetryEvent } from "./hooks/hooks.js";
export type { ClientOptions, LoginAuth, TokenAuth, TokenProvider } from "./options.js";
export type { RetryOptions } from "./retry/retry-options.js";
export type { OperationSpec } from "./transport/operation.js";
export type {
  BodyOf,
  CallOptions,
  CamelCase,
  CamelKeys,
  CreatedOf,
  HttpMethod,
  MethodOf,
  Path,
  PathParamOf,
  PathParamsOf,
  Present,
  QueryOf,
  RawQueryOf,
  RequestOptions,
  ResponseOf,
  WithKeys,
} from "./types.js";
