/**
 * The generic top-level resource of MidoNet (`MidonetResource`, reference §4) as five handlers: list (with exact
 * query filters), get, create (client id honoured, 409 on a duplicate id, 201 + Location), update (full replacement
 * keeping the fields the model's `update(from)` copies) and delete (404 when the resource reads first, 204 when the
 * generic delete ignores a missing id). Hooks carry the per-resource rules (the resource's *Filter overrides).
 */
import type { Reply } from "../http/response.js";
import type { StoredObject } from "../store/store.js";
import { created, noContent, ok } from "./replies.js";
import type { Handler, RequestContext } from "./types.js";
import type { View } from "./view.js";

export interface CrudSpec {
  /** The storage kind (proto name), e.g. "Network". */
  kind: string;
  view: View;
  /** Stored-only fields with their value on create (back-references: `{ portIds: [] }`). PUT resets them too unless preserved. */
  hidden?: Record<string, unknown>;
  /** Fields a PUT keeps from the stored object (besides `id`), e.g. `["portIds", "dhcpIds"]`. */
  preserve?: readonly string[];
  /** A DELETE of a missing id: 404 (the resource reads the object first) or 204 (generic `ignoresNeo` delete). */
  deleteMissing: 404 | 204;
  /** Query parameter → stored field, kept when equal (e.g. `{ tenant_id: "tenantId" }`). */
  filters?: Record<string, string>;
  /** The request parameter holding the id (default "id"). */
  idParam?: string;
  /** Create rule (createFilter); may return a changed object. Runs after validation, before the store create. */
  beforeCreate?: (ctx: RequestContext, object: Record<string, any>) => Record<string, any> | undefined;
  /** Update rule (updateFilter); may return a changed object. */
  beforeUpdate?: (
    ctx: RequestContext,
    next: Record<string, any>,
    current: StoredObject,
  ) => Record<string, any> | undefined;
  /** Delete rule (deleteFilter), with the current object when it exists. */
  beforeDelete?: (ctx: RequestContext, current: StoredObject | undefined) => void;
  /** Extra list filtering (listFilter). */
  listFilter?: (ctx: RequestContext, objects: StoredObject[]) => StoredObject[];
}

export interface CrudHandlers {
  list: Handler;
  get: Handler;
  create: Handler;
  update: Handler;
  delete: Handler;
}

function freshHidden(hidden: Record<string, unknown> | undefined): Record<string, unknown> {
  return hidden ? structuredClone(hidden) : {};
}

function pick(object: StoredObject, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (object[field] !== undefined) {
      out[field] = object[field];
    }
  }
  return out;
}

export function defineCrud(spec: CrudSpec): CrudHandlers {
  const idParam = spec.idParam ?? "id";
  const preserve = spec.preserve ?? [];

  const list = (ctx: RequestContext): Reply => {
    let objects = ctx.tx.list(spec.kind);
    for (const [param, field] of Object.entries(spec.filters ?? {})) {
      const wanted = ctx.query.get(param);
      if (wanted !== null) {
        objects = objects.filter((object) => object[field] === wanted);
      }
    }
    if (spec.listFilter) {
      objects = spec.listFilter(ctx, objects);
    }
    return ok(objects.map((object) => spec.view.render(ctx, object)));
  };

  const get = (ctx: RequestContext): Reply => ok(spec.view.render(ctx, ctx.tx.get(spec.kind, ctx.params[idParam]!)));

  const create = (ctx: RequestContext): Reply => {
    let object: Record<string, any> = { ...freshHidden(spec.hidden), ...ctx.writable() };
    object = spec.beforeCreate?.(ctx, object) ?? object;
    const stored = ctx.tx.create(spec.kind, object);
    return created(spec.view.uri(ctx, stored));
  };

  const update = (ctx: RequestContext): Reply => {
    const id = ctx.params[idParam]!;
    const current = ctx.tx.get(spec.kind, id);
    let next: Record<string, any> = { ...freshHidden(spec.hidden), ...ctx.writable(), ...pick(current, preserve), id };
    next = spec.beforeUpdate?.(ctx, next, current) ?? next;
    ctx.tx.update(spec.kind, { ...next, id });
    return noContent();
  };

  const remove = (ctx: RequestContext): Reply => {
    const id = ctx.params[idParam]!;
    const current = spec.deleteMissing === 404 ? ctx.tx.get(spec.kind, id) : ctx.tx.find(spec.kind, id);
    spec.beforeDelete?.(ctx, current);
    ctx.tx.delete(spec.kind, id, { ignoreMissing: true });
    return noContent();
  };

  return { list, get, create, update, delete: remove };
}
