// Every operation of the document has a handler (reference §7), and no handler serves an unknown operation.
import { describe, expect, it } from "vitest";
import { defaultDocument } from "../src/openapi/document.js";
import { listOperations } from "../src/openapi/operations.js";
import { handlerTable, missingHandlers } from "../src/resources/registry.js";

describe("handler registry", () => {
  const operations = listOperations(defaultDocument());
  const table = handlerTable();

  it("has a handler for every operation of the document", () => {
    expect(missingHandlers(operations, table).map((op) => `${op.operationId} (${op.method} ${op.path})`)).toEqual([]);
  });

  it("has no handler for an operation the document does not have", () => {
    const known = new Set(operations.map((op) => op.operationId));
    expect([...table.keys()].filter((id) => !known.has(id))).toEqual([]);
  });
});
