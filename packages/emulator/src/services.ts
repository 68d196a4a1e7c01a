/** Everything one running emulator is made of, built once by startEmulator and shared by the request pipeline. */
import type { AuthProvider } from "./auth/provider.js";
import type { FaultInjector } from "./faults/faults.js";
import type { HostRegistry } from "./hosts/registry.js";
import type { OpenApiDocument, Schema } from "./openapi/document.js";
import type { Operation } from "./openapi/operations.js";
import type { Router } from "./openapi/router.js";
import type { BodyValidator } from "./openapi/validation.js";
import type { Handler } from "./resources/types.js";
import type { Store } from "./store/store.js";

export interface Services {
  document: OpenApiDocument;
  operations: Operation[];
  router: Router;
  validator: BodyValidator;
  handlers: Map<string, Handler>;
  /** Ordered schema properties by component name (views). */
  schemaProperties: (name: string) => ReadonlyArray<readonly [string, Schema]>;
  store: Store;
  hosts: HostRegistry;
  auth: AuthProvider;
  faults: FaultInjector;
  /** e.g. "/midonet-api". */
  rootPath: string;
  /** host:port used when a request has no Host header. */
  listenAddress: () => string;
  logger: ((line: string) => void) | undefined;
}
