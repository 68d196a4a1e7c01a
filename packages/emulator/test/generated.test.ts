// The generated sources must match their inputs: run `npm run generate` when this fails.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupsTarget, openApiTarget, renderOpenApi, renderResourceGroups } from "../scripts/generate.js";

describe("generated files", () => {
  it("src/generated/openapi.json is openapi/midonet.yaml (run npm run generate)", () => {
    expect(readFileSync(openApiTarget, "utf8") === renderOpenApi()).toBe(true);
  });

  it("src/generated/resource-groups.ts lists every folder of src/resources (run npm run generate)", () => {
    expect(readFileSync(groupsTarget, "utf8")).toBe(renderResourceGroups());
  });
});
