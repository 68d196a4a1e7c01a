import { type OperationKey, operations } from "./generated/operations.js";
import { type Resources, resourceTree } from "./generated/resources.js";
import type { ClientOptions } from "./options.js";
import { bindNode, type Invoker } from "./resources/bind.js";
import { buildPath, buildQuery, type CompiledOperation, compileOperation } from "./transport/operation.js";
import { Transport } from "./transport/transport.js";
import type { CallOptions, HttpMethod, MethodOf, Path, RequestOptions, ResponseOf } from "./types.js";

/** The client: one property per resource of the document, plus the low-level `request` and `login`. */
export type MidoNetClient = Resources & {
  /** The API root in use, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * Calls any operation by method and path template, with the document's parameter names:
   * `client.request("get", "/bridges/{id}", { params: { id } })`. Resolves to the decoded body (`undefined` when
   * empty); does not follow `Location`.
   */
  request<P extends Path, M extends MethodOf<P>>(
    method: M,
    path: P,
    options?: RequestOptions<P, M>,
  ): Promise<ResponseOf<P, M>>;
  /** Logs in now (with `auth: { username, password }` or a token provider) and resolves to the new token. */
  login(): Promise<string>;
};

const compiled = new Map<string, CompiledOperation>();
const table: Record<string, (typeof operations)[OperationKey]> = operations;

function operation(key: string): CompiledOperation | undefined {
  let op = compiled.get(key);
  if (!op) {
    const spec = table[key];
    if (!spec) {
      return undefined;
    }
    op = compileOperation(spec);
    compiled.set(key, op);
  }
  return op;
}

class Core implements Invoker {
  readonly transport: Transport;

  constructor(options: ClientOptions) {
    this.transport = new Transport(options);
  }

  async call(
    key: OperationKey,
    args: readonly unknown[],
    query: Record<string, unknown> | undefined,
    body: unknown,
    options: CallOptions | undefined,
  ): Promise<unknown> {
    return (await this.sendOperation(key, args, query, body, options)).data;
  }

  /** POST, then GET the `Location` (rebased onto the configured API root, with the media type of its operation). */
  async create(key: OperationKey, args: readonly unknown[], body: unknown, options: CallOptions | undefined) {
    const answer = await this.sendOperation(key, args, undefined, body, options);
    const location = answer.headers.get("location");
    if (!location) {
      return answer.data;
    }
    return this.follow(location, options);
  }

  /** Sends the operation `key` with its path arguments, query, body and media types. */
  private sendOperation(
    key: OperationKey,
    args: readonly unknown[],
    query: Record<string, unknown> | undefined,
    body: unknown,
    options: CallOptions | undefined,
  ) {
    const op = operation(key) as CompiledOperation;
    const spec = op.spec;
    const url = this.transport.baseUrl + buildPath(op, args) + (query ? buildQuery(op, query) : "");
    return this.transport.send(spec.method, url, spec.accept, spec.contentType, body, spec.id ?? undefined, options);
  }

  async follow(location: string, options: CallOptions | undefined): Promise<unknown> {
    const { baseUrl, basePath } = this.transport;
    const target = new URL(location, `${baseUrl}/`);
    const below = target.pathname === basePath || target.pathname.startsWith(`${basePath}/`);
    const path = below ? target.pathname.slice(basePath.length) || "/" : target.pathname;
    const read = findGet(path);
    const url = below ? baseUrl + path + target.search : target.href;
    const answer = await this.transport.send(
      "GET",
      url,
      read?.spec.accept ?? null,
      null,
      undefined,
      read?.spec.id ?? undefined,
      options,
    );
    return answer.data;
  }

  async request(method: string, path: string, options: RequestOptions<Path, HttpMethod> | undefined): Promise<unknown> {
    const m = method.toLowerCase();
    const op = operation(`${m} ${path}`) ?? adHoc(m, path);
    const params = (options?.params ?? {}) as Record<string, unknown>;
    const url =
      this.transport.baseUrl +
      buildPath(
        op,
        op.spec.pathParams.map((p) => params[p]),
      ) +
      buildQuery(undefined, options?.query as Record<string, unknown> | undefined);
    const spec = op.spec;
    const answer = await this.transport.send(
      spec.method,
      url,
      spec.accept,
      spec.contentType,
      options?.body,
      spec.id ?? undefined,
      options,
    );
    return answer.data;
  }
}

let gets: CompiledOperation[] | undefined;

function findGet(path: string): CompiledOperation | undefined {
  gets ??= Object.keys(table)
    .filter((k) => k.startsWith("get "))
    .map((k) => operation(k) as CompiledOperation);
  return gets.find((op) => op.pattern.test(path));
}

function adHoc(method: string, path: string): CompiledOperation {
  return compileOperation({
    id: null,
    method: method.toUpperCase(),
    path,
    pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string),
    query: [],
    contentType: "application/json",
    accept: null,
    status: 200,
  });
}

/**
 * Creates a client.
 *
 * @example
 * const client = createClient({ baseUrl: "http://127.0.0.1:8181/midonet-api" });
 * const bridge = await client.bridges.create({ name: "br0", tenantId: "demo" });
 * await client.bridges.list({ tenantId: "demo" });
 */
export function createClient(options: ClientOptions = {}): MidoNetClient {
  const core = new Core(options);
  const { baseUrl } = core.transport;
  const client = bindNode(resourceTree, [], core) as Record<string | symbol, unknown>;
  Object.defineProperties(client, {
    baseUrl: { value: baseUrl, enumerable: true },
    request: {
      value: (method: string, path: string, opts?: RequestOptions<Path, HttpMethod>) =>
        core.request(method, path, opts),
    },
    login: { value: () => core.transport.auth.refresh() },
    toString: { value: () => `MidoNetClient(${baseUrl})` },
    [Symbol.for("nodejs.util.inspect.custom")]: { value: () => `MidoNetClient { baseUrl: '${baseUrl}' }` },
  });
  return client as unknown as MidoNetClient;
}
