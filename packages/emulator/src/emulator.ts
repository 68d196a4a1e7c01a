/** startEmulator: builds the services from the document and the options, and listens. */
import type { AddressInfo } from "node:net";
import { createAuthProvider } from "./auth/index.js";
import { dispatchControl } from "./control.js";
import { dispatchApi } from "./dispatch.js";
import { FaultInjector } from "./faults/faults.js";
import { HostRegistry, normalizeHostSpecs } from "./hosts/registry.js";
import { createHttpServer } from "./http/server.js";
import { defaultDocument, type OpenApiDocument, type Schema } from "./openapi/document.js";
import { listOperations } from "./openapi/operations.js";
import { Router } from "./openapi/router.js";
import { BodyValidator, collectProperties } from "./openapi/validation.js";
import type { EmulatorOptions, RunningEmulator } from "./options.js";
import { handlerTable, missingHandlers, resourceGroups } from "./resources/registry.js";
import type { Services } from "./services.js";
import { Journal, type JournalOptions } from "./store/journal.js";
import { Store } from "./store/store.js";

/** Options that tests need and users do not (not part of the contract). */
export interface InternalOptions {
  document?: OpenApiDocument;
  journal?: JournalOptions;
}

export const DEFAULT_ROOT_PATH = "/midonet-api";

export async function startEmulator(options: EmulatorOptions & InternalOptions = {}): Promise<RunningEmulator> {
  const document = options.document ?? defaultDocument();
  const operations = listOperations(document);
  const rootPath = `/${(options.rootPath ?? DEFAULT_ROOT_PATH).replace(/^\/+|\/+$/g, "")}`;
  const host = options.host ?? "127.0.0.1";

  const store = new Store();
  for (const group of resourceGroups) {
    group.setup?.(store);
  }
  const journal = options.statePath ? await Journal.open(options.statePath, store, options.journal) : undefined;
  if (journal) {
    store.onCommit((changes) => journal.record(changes));
  }
  const hosts = new HostRegistry(store);
  for (const spec of normalizeHostSpecs(options.hosts)) {
    await hosts.register(spec);
  }
  const faults = new FaultInjector();
  for (const rule of options.faults ?? []) {
    faults.add(rule);
  }

  // Every operation of the document is served: a document change without its handler fails here, not on a request.
  const handlers = handlerTable();
  const unserved = missingHandlers(operations, handlers);
  if (unserved.length > 0) {
    throw new Error(`No handler for ${unserved.map((op) => `${op.operationId} (${op.method} ${op.path})`).join(", ")}`);
  }

  const propertiesCache = new Map<string, ReadonlyArray<readonly [string, Schema]>>();
  let port = options.port ?? 0;
  const services: Services = {
    document,
    operations,
    router: new Router(operations),
    validator: new BodyValidator(document),
    handlers,
    schemaProperties(name) {
      let cached = propertiesCache.get(name);
      if (!cached) {
        cached = Object.entries(collectProperties(document, { $ref: `#/components/schemas/${name}` }));
        propertiesCache.set(name, cached);
      }
      return cached;
    },
    store,
    hosts,
    auth: createAuthProvider(options.auth),
    faults,
    rootPath,
    listenAddress: () => `${host.includes(":") ? `[${host}]` : host}:${port}`,
    logger: options.logger,
  };

  const server = createHttpServer({
    rootPath,
    listenAddress: services.listenAddress,
    api: (req, res, apiPath, query) => dispatchApi(services, req, res, apiPath, query),
    control: (req, res, path) => dispatchControl(services, req, res, path),
    logger: options.logger,
    tls: options.tls,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls ? "https" : "http"}://${services.listenAddress()}${rootPath}`,
    port,
    faults: {
      add: (rule) => faults.add(rule),
      remove: (id) => {
        faults.remove(id);
      },
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    hosts: {
      register: (spec) => {
        void hosts.register(spec);
      },
      setAlive: (id, alive) => hosts.setAlive(id, alive),
    },
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await journal?.close();
      })();
      return closing;
    },
  };
}
