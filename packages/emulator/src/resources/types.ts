/**
 * What a resource handler gets and returns. Handlers are synchronous functions of one request, run inside one
 * store transaction: whatever they write commits atomically when they return and is rolled back when they throw
 * (an HttpError becomes MidoNet's error response). They must not await anything.
 */
import type { IncomingHttpHeaders } from "node:http";
import type { AuthProvider, Identity } from "../auth/provider.js";
import type { HostRegistry } from "../hosts/registry.js";
import type { Reply } from "../http/response.js";
import type { OpenApiDocument, Schema } from "../openapi/document.js";
import type { Operation } from "../openapi/operations.js";
import type { Store, Transaction } from "../store/store.js";

export interface RequestContext {
  readonly operation: Operation;
  readonly method: string;
  /** Path parameters, percent-decoded (`{macAddress}_{portId}` gives both). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The API root as the client sees it, e.g. `http://10.0.0.1:8181/midonet-api` (no trailing slash). */
  readonly baseUri: string;
  /** The absolute URI of the request path (no query), e.g. `http://.../midonet-api/bridges`. */
  readonly requestUri: string;
  /** The parsed JSON body exactly as sent (undefined without a body). */
  readonly rawBody: unknown;
  /**
   * The validated body: schema defaults applied, explicit nulls removed. Reading it throws the 400 "Validation
   * error(s) found" when the body has violations, so read it where MidoNet validates (after loading the current
   * object on PUT, for instance).
   */
  readonly body: any;
  /** The component schema the body was validated against (the discriminator variant when there is one). */
  readonly bodySchema: string | undefined;
  /** The body reduced to the writable (non-readOnly) properties of `bodySchema`; reads `body`, so it validates. */
  writable(): Record<string, any>;
  /** Base URI + path: `ctx.uri("/bridges/" + id)`. */
  uri(path: string): string;
  /** The ordered properties of a component schema (following allOf), for views. */
  schemaProperties(name: string): ReadonlyArray<readonly [string, Schema]>;
  readonly tx: Transaction;
  readonly store: Store;
  readonly hosts: HostRegistry;
  readonly auth: AuthProvider;
  readonly identity: Identity;
  readonly document: OpenApiDocument;
}

export type Handler = (ctx: RequestContext) => Reply;

export interface ResourceGroup {
  /** The folder name, for messages. */
  name: string;
  /** Handlers by the document's operationId. */
  handlers: Record<string, Handler>;
  /** Called once per emulator with its store (unique indexes, for instance). */
  setup?: (store: Store) => void;
}

export type { Reply };
