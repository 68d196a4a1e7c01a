/**
 * Maps every operation of the document to its handler, from the resource groups (one folder each under
 * src/resources/, collected into src/generated/resource-groups.ts by `npm run generate`).
 */
import { resourceGroups } from "../generated/resource-groups.js";
import type { Operation } from "../openapi/operations.js";
import type { Handler, ResourceGroup } from "./types.js";

export function handlerTable(groups: readonly ResourceGroup[] = resourceGroups): Map<string, Handler> {
  const table = new Map<string, Handler>();
  const owners = new Map<string, string>();
  for (const group of groups) {
    for (const [operationId, handler] of Object.entries(group.handlers)) {
      const owner = owners.get(operationId);
      if (owner) {
        throw new Error(`Operation ${operationId} has two handlers: groups ${owner} and ${group.name}`);
      }
      owners.set(operationId, group.name);
      table.set(operationId, handler);
    }
  }
  return table;
}

/** Operations of the document without a handler. */
export function missingHandlers(operations: readonly Operation[], table: Map<string, Handler>): Operation[] {
  return operations.filter((operation) => !table.has(operation.operationId));
}

export { resourceGroups };
