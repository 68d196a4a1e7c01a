// Type-level views of the generated `paths`: what a method takes and returns. No runtime code.
import type { paths, Readable, Writable } from "./generated/schema.js";
import type { RetryOptions } from "./retry/retry-options.js";

/** Every path template of the document. */
export type Path = keyof paths;
/** HTTP methods, lower case as in the document. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "patch" | "head" | "options";
/** The methods a path defines. */
export type MethodOf<P extends Path> = {
  [M in HttpMethod]: [NonNullable<paths[P][M & keyof paths[P]]>] extends [never] ? never : M;
}[HttpMethod];

type Op<P extends Path, M extends HttpMethod> = NonNullable<paths[P][M & keyof paths[P]]>;
type ParametersOf<P extends Path, M extends HttpMethod> = Op<P, M> extends { parameters: infer X } ? X : never;

/** Path parameters of an operation, keyed by the document's names. */
export type PathParamsOf<P extends Path, M extends HttpMethod> =
  ParametersOf<P, M> extends { path?: infer X } ? NonNullable<X> : never;
/** One path parameter's type. */
export type PathParamOf<P extends Path, M extends HttpMethod, N extends string> = N extends keyof PathParamsOf<P, M>
  ? PathParamsOf<P, M>[N]
  : string;
/** Query parameters as the document names them (`tenant_id`). */
export type RawQueryOf<P extends Path, M extends HttpMethod> =
  ParametersOf<P, M> extends { query?: infer X } ? NonNullable<X> : never;

/** `tenant_id` -> `tenantId`. */
export type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;
/** Renames every key to camelCase, keeping optionality. */
export type CamelKeys<T> = { [K in keyof T as K extends string ? CamelCase<K> : K]: T[K] };
/** Query parameters of a resource method, camelCase (`{ tenantId }`). */
export type QueryOf<P extends Path, M extends HttpMethod> = CamelKeys<RawQueryOf<P, M>>;

// biome-ignore lint/suspicious/noConfusingVoidType: an answer without a body resolves to nothing (void)
type ContentOf<X> = X extends { content: infer C } ? C[keyof C] : void;
/** The request body as sent: `readOnly` fields are excluded (passing one is a type error). */
export type BodyOf<P extends Path, M extends HttpMethod> =
  Op<P, M> extends { requestBody?: infer B } ? Writable<ContentOf<NonNullable<B>>> : never;
/** The object a create answers with when it is read back: the request schema with its `readOnly` fields. */
export type CreatedOf<P extends Path, M extends HttpMethod> =
  Op<P, M> extends { requestBody?: infer B } ? Present<Readable<ContentOf<NonNullable<B>>>> : unknown;

type Success<R> = R extends { 200: infer X }
  ? X
  : R extends { 201: infer X }
    ? X
    : R extends { 202: infer X }
      ? X
      : R extends { 204: infer X }
        ? X
        : unknown;
/**
 * Every property present: MidoNet writes all fields of an object, `null` where there is no value and `[]` for empty
 * lists, so a field that is optional on input is always there on output.
 */
export type Present<T> = T extends readonly (infer E)[]
  ? Present<E>[]
  : T extends object
    ? { [K in keyof T]-?: Present<Exclude<T[K], undefined>> }
    : T;
/** The success answer's body (`readOnly` fields included, every field present), or `void` when it has none. */
export type ResponseOf<P extends Path, M extends HttpMethod> =
  Op<P, M> extends { responses: infer R } ? Present<Readable<ContentOf<Success<R>>>> : unknown;

/** `T` with the keys `K` required and non-null (for `ensure`, which needs the client-chosen id). */
export type WithKeys<T, K extends PropertyKey> = T extends unknown
  ? T & { [P in K & keyof T]-?: NonNullable<T[P]> }
  : never;

/** Options of one call; each overrides the client's setting. */
export interface CallOptions {
  /** Aborts the call (including retries and waits); the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Limit of one attempt, in milliseconds; `false` for none. */
  timeout?: number | false;
  /** Limit of the whole call including retries and their delays, in milliseconds; `false` for none. */
  totalTimeout?: number | false;
  /** Retry settings for this call; a number is the retry limit, `false` disables retries. */
  retry?: RetryOptions | number | false;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** Options of `client.request`. */
export type RequestOptions<P extends Path, M extends HttpMethod> = CallOptions & {
  /** Path parameters by the document's names. */
  params?: PathParamsOf<P, M>;
  /** Query parameters by the document's names. */
  query?: RawQueryOf<P, M>;
  /** Request body (JSON). */
  body?: BodyOf<P, M>;
};
