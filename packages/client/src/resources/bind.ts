import { ConflictError } from "../errors/conflict-error.js";
import { NotFoundError } from "../errors/not-found-error.js";
import type { OperationKey } from "../generated/operations.js";
import type { CallOptions } from "../types.js";
import { differences } from "./same-content.js";
import type { MethodSpec, NodeSpec } from "./spec.js";

/** What the resource methods call; implemented by the client. */
export interface Invoker {
  call(
    op: OperationKey,
    args: readonly unknown[],
    query: Record<string, unknown> | undefined,
    body: unknown,
    options: CallOptions | undefined,
  ): Promise<unknown>;
  create(op: OperationKey, args: readonly unknown[], body: unknown, options: CallOptions | undefined): Promise<unknown>;
}

type Fn = (...a: any[]) => Promise<unknown>;

/** Builds the methods and nested resources of one resource, with the params of its ancestors bound. */
export function bindNode(spec: NodeSpec, bound: readonly unknown[], invoker: Invoker): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(spec.methods)) {
    out[name] = bindMethod(spec.methods[name] as MethodSpec, bound, invoker);
  }
  for (const name of Object.keys(spec.children)) {
    const child = spec.children[name] as NodeSpec["children"][string];
    out[name] =
      child.args === 0
        ? bindNode(child.node, bound, invoker)
        : (...params: unknown[]) => bindNode(child.node, bound.concat(params.slice(0, child.args)), invoker);
  }
  return out;
}

function bindMethod(m: MethodSpec, bound: readonly unknown[], invoker: Invoker): Fn {
  const n = m.args;
  const op = m.op;
  switch (m.kind) {
    case "list":
      return (query?: Record<string, unknown>, options?: CallOptions) =>
        invoker.call(op, bound, query, undefined, options);
    case "get":
    case "delete":
      // The hot path (`client.bridges.get(id)`): no rest arrays.
      if (n === 1) {
        return (id: unknown, options?: CallOptions) =>
          invoker.call(op, bound.length ? bound.concat([id]) : [id], undefined, undefined, options);
      }
      return (...a: unknown[]) =>
        invoker.call(op, bound.concat(a.slice(0, n)), undefined, undefined, a[n] as CallOptions);
    case "deleteIfExists":
      return async (...a: unknown[]) => {
        try {
          await invoker.call(op, bound.concat(a.slice(0, n)), undefined, undefined, a[n] as CallOptions);
          return true;
        } catch (error) {
          if (error instanceof NotFoundError) {
            return false;
          }
          throw error;
        }
      };
    case "update": {
      const { idInBody } = m;
      return (...a: unknown[]) => {
        const body = a[n];
        const payload =
          idInBody && body !== null && typeof body === "object" && !("id" in body) ? { ...body, id: a[n - 1] } : body;
        return invoker.call(op, bound.concat(a.slice(0, n)), undefined, payload, a[n + 1] as CallOptions);
      };
    }
    case "create":
      return m.follow
        ? (body: unknown, options?: CallOptions) => invoker.create(op, bound, body, options)
        : (body: unknown, options?: CallOptions) => invoker.call(op, bound, undefined, body, options);
    case "action": {
      const { body } = m;
      return (...a: unknown[]) => {
        const args = bound.concat(a.slice(0, n));
        if (body === false) {
          return invoker.call(op, args, undefined, undefined, a[n] as CallOptions);
        }
        const payload = typeof body === "string" ? { [body]: a[n] } : a[n];
        return invoker.call(op, args, undefined, payload, a[n + 1] as CallOptions);
      };
    }
    case "ensure":
      return (body: Record<string, unknown>, options?: CallOptions) => ensure(m, bound, body, options, invoker);
  }
}

async function ensure(
  m: Extract<MethodSpec, { kind: "ensure" }>,
  bound: readonly unknown[],
  body: Record<string, unknown>,
  options: CallOptions | undefined,
  invoker: Invoker,
): Promise<unknown> {
  const keys = m.keys.map((k) => body[k]);
  if (keys.some((k) => k === undefined || k === null || k === "")) {
    throw new TypeError(`ensure needs ${m.keys.join(", ")} in the body`);
  }
  try {
    return await invoker.create(m.op, bound, body, options);
  } catch (error) {
    if (!(error instanceof ConflictError)) {
      throw error;
    }
    let stored: unknown;
    try {
      stored = await invoker.call(m.read, m.bound ? bound.concat(keys) : keys, undefined, undefined, options);
    } catch (readError) {
      // The conflict was about something else (a duplicate name, a taken address): report it as it was.
      if (readError instanceof NotFoundError) {
        throw error;
      }
      throw readError;
    }
    const diff = differences(body, (stored ?? {}) as Record<string, unknown>);
    if (diff.length) {
      throw new ConflictError(
        `${error.method} ${error.url}: ${m.keys.map((k, i) => `${k}=${String(keys[i])}`).join(", ")} already exists with different ${diff.join(", ")}`,
        {
          status: error.status,
          code: error.code,
          serverMessage: error.serverMessage,
          method: error.method,
          url: error.url,
          body: error.body,
          differences: diff,
          cause: error,
        },
      );
    }
    return stored;
  }
}
