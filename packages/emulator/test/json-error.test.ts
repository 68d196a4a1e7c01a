/**
 * Fields annotated @JsonError in MidoNet answer an unmappable value with the annotation's message instead of
 * Jackson's (reference §4 "JSON mapping errors"; `MM/Route.java` type, `MM/Condition.java` fragmentPolicy).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { idOf, TestEmulator } from "./helpers.js";

describe("@JsonError messages for values that cannot be mapped (reference §4)", () => {
  const emu = TestEmulator.forSuite();
  let routerId: string;
  let chainId: string;
  beforeAll(async () => {
    routerId = idOf((await emu.api("POST", "/routers", { body: { name: "r" } })).headers.location);
    chainId = idOf((await emu.api("POST", "/chains", { body: { name: "c" } })).headers.location);
  });

  it.each([
    [
      "a route of an unknown type",
      () => `/routers/${routerId}/routes`,
      { type: "Sideways", srcNetworkAddr: "0.0.0.0", dstNetworkAddr: "10.250.0.0" },
      "This type of route is invalid.",
    ],
    [
      "a rule with an unknown fragment policy",
      () => `/chains/${chainId}/rules`,
      { type: "accept", fragmentPolicy: "some" },
      "The valid options for fragmentPolicy are: 'any', 'header', 'nonheader', and 'unfragmented'.",
    ],
  ])("answers 400 with MidoNet's message for %s", async (_what, path, body, message) => {
    const answer = await emu.api("POST", path(), { body });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ message, code: 400 });
  });
});
