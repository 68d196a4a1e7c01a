/**
 * Views: a stored object rendered as MidoNet's JSON. The output has every property of the model's schema, in
 * schema order: the object's own value, or `null` (`[]` for lists) when it has none (Jackson writes nulls and
 * ZoomConvert reads back empty repeated fields as empty lists, reference §3.5); `uri` and the link fields are
 * computed from the request's base URI. Hidden stored fields (back-references like `portIds`) are not output
 * unless the schema has them.
 */
import type { Schema } from "../openapi/document.js";
import type { StoredObject } from "../store/store.js";
import type { RequestContext } from "./types.js";

/** Computes one output field; `self` is the object's absolute URI. */
export type FieldRenderer = (object: StoredObject, self: string, ctx: RequestContext) => unknown;

export interface ViewSpec {
  /** The component schema of the output, e.g. "Bridge". */
  schema: string;
  /** The object's path below the API root, e.g. `/bridges/<id>`. */
  path: (object: StoredObject, ctx: RequestContext) => string;
  /** Computed fields: links, templates, state read at request time. */
  fields?: Record<string, FieldRenderer>;
}

export interface View {
  readonly schema: string;
  uri(ctx: RequestContext, object: StoredObject): string;
  render(ctx: RequestContext, object: StoredObject): Record<string, unknown>;
}

function isList(schema: Schema): boolean {
  const type = schema.type;
  return type === "array" || (Array.isArray(type) && type.includes("array") && !type.includes("null"));
}

export function defineView(spec: ViewSpec): View {
  return {
    schema: spec.schema,
    uri: (ctx, object) => ctx.uri(spec.path(object, ctx)),
    render(ctx, object) {
      const self = ctx.uri(spec.path(object, ctx));
      const out: Record<string, unknown> = {};
      for (const [name, schema] of ctx.schemaProperties(spec.schema)) {
        const computed = spec.fields?.[name];
        if (computed) {
          out[name] = computed(object, self, ctx);
        } else if (name === "uri") {
          out[name] = self;
        } else {
          const value = object[name];
          out[name] = value ?? (isList(schema) ? [] : null);
        }
      }
      return out;
    },
  };
}

/** `{self}/<suffix>`: a child collection or a template relative to the object (`sub("mac_table/{macAddress}")`). */
export const sub =
  (suffix: string): FieldRenderer =>
  (_object, self) =>
    `${self}/${suffix}`;

/** `{base}/<collection>/<object[field]>`, or null when the field is empty (UriResource.absoluteUri). */
export const ref =
  (collection: string, field: string): FieldRenderer =>
  (object, _self, ctx) => {
    const id = object[field];
    return typeof id === "string" && id !== "" ? ctx.uri(`/${collection}/${id}`) : null;
  };

/** A stored value with a fallback when absent (server-side defaults that the schema does not declare). */
export const valueOr =
  (field: string, fallback: unknown): FieldRenderer =>
  (object) =>
    object[field] ?? fallback;
