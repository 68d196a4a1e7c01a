/**
 * The operations of the document, flattened: one record per path × method with what the server needs to route,
 * negotiate and validate without looking at the document again on each request.
 */
import { HTTP_METHODS, type OpenApiDocument, resolveRef, type Schema } from "./document.js";

export type Negotiation = "generic" | "jersey";

export interface Operation {
  operationId: string;
  method: string;
  /** The path template of the document, e.g. `/bridges/{id}/mac_table/{macAddress}_{portId}`. */
  path: string;
  negotiation: Negotiation;
  /** False where MidoNet runs no bean validation on the body (`x-midonet-validation: false`). */
  validation: boolean;
  /** Media types of the first 2xx response with content, in document order (the first is the newest). */
  produces: string[];
  /** Media types of the request body, in document order; empty when the operation takes no body. */
  consumes: string[];
  /** The request body schema (the first content entry's; all entries share it in this document). */
  requestSchema: Schema | undefined;
  pathParameters: Record<string, Schema>;
  /** The raw OpenAPI operation object, for handlers that need more. */
  spec: Record<string, any>;
}

export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const shared = (item.parameters ?? []) as unknown[];
    for (const method of HTTP_METHODS) {
      const spec = item[method] as Record<string, any> | undefined;
      if (!spec) {
        continue;
      }
      const parameters = [...shared, ...((spec.parameters ?? []) as unknown[])].map((p) => resolveRef(document, p));
      const pathParameters: Record<string, Schema> = {};
      for (const parameter of parameters) {
        if (parameter?.in === "path") {
          pathParameters[parameter.name] = parameter.schema ?? {};
        }
      }
      const body = spec.requestBody ? resolveRef(document, spec.requestBody) : undefined;
      const bodyContent = (body?.content ?? {}) as Record<string, { schema?: Schema }>;
      operations.push({
        operationId: spec.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        negotiation: spec["x-midonet-negotiation"] === "jersey" ? "jersey" : "generic",
        validation: spec["x-midonet-validation"] !== false,
        produces: successMediaTypes(document, spec),
        consumes: Object.keys(bodyContent),
        requestSchema: Object.values(bodyContent)[0]?.schema,
        pathParameters,
        spec,
      });
    }
  }
  return operations;
}

function successMediaTypes(document: OpenApiDocument, spec: Record<string, any>): string[] {
  const responses = (spec.responses ?? {}) as Record<string, unknown>;
  for (const status of Object.keys(responses).sort()) {
    if (!/^2/.test(status)) {
      continue;
    }
    const response = resolveRef(document, responses[status]);
    const content = response?.content as Record<string, unknown> | undefined;
    if (content && Object.keys(content).length > 0) {
      return Object.keys(content);
    }
  }
  return [];
}
