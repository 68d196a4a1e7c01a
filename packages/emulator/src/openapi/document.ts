/**
 * The OpenAPI document the emulator follows (generated from openapi/midonet.yaml by `npm run generate`) and the
 * few accessors the router, the negotiation and the validation need. One source of truth: nothing about paths,
 * methods, media types or schemas is repeated in code.
 */
import generated from "../generated/openapi.json" with { type: "json" };

export type Schema = Record<string, any>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components: { schemas?: Record<string, Schema>; parameters?: Record<string, any>; [key: string]: any };
  [key: string]: any;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

export function defaultDocument(): OpenApiDocument {
  return generated as unknown as OpenApiDocument;
}

/** Follows local `$ref`s ("#/components/...") until a non-reference object. */
export function resolveRef<T = any>(document: OpenApiDocument, value: any): T {
  let current = value;
  for (let depth = 0; current && typeof current === "object" && typeof current.$ref === "string"; depth++) {
    if (depth > 32) {
      throw new Error(`$ref cycle at ${value.$ref}`);
    }
    current = pointer(document, current.$ref);
  }
  return current as T;
}

export function pointer(document: OpenApiDocument, ref: string): any {
  if (!ref.startsWith("#/")) {
    throw new Error(`Only local references are supported, got ${ref}`);
  }
  let node: any = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node?.[key];
    if (node === undefined) {
      throw new Error(`Unresolvable reference ${ref}`);
    }
  }
  return node;
}

/** The component schema name of a `#/components/schemas/X` reference, if it is one. */
export function schemaName(ref: unknown): string | undefined {
  if (typeof ref !== "string") {
    return undefined;
  }
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref);
  return match?.[1];
}
