/**
 * MidoNet reads request bodies with Jackson 2.5, which maps scalars leniently; MidoNet's own clients depend on it
 * (python-midonetclient `api.py` sends DHCP subnet lengths as strings; midonet-cli sends every number it parses
 * from its command line as a string). Reference §3.5.
 */
import { describe, expect, it } from "vitest";
import { TestEmulator } from "./helpers.js";

describe("Jackson-style scalar coercion of request bodies (reference §3.5)", () => {
  const emu = TestEmulator.forSuite();

  it.each([
    ["a number for a string field is stored as its text", { name: 42 }, "name", "42"],
    ["a boolean written as a string is read as a boolean", { name: "b", adminStateUp: "false" }, "adminStateUp", false],
  ])("%s", async (_what, body, field, expected) => {
    const created = await emu.api("POST", "/bridges", { body });
    expect(created.status).toBe(201);
    const location = String(created.headers.location);
    const read = await emu.api("GET", location.slice(emu.url.length));
    expect(read.json[field]).toEqual(expected);
  });

  it("still refuses a value that cannot be mapped (400, nothing stored)", async () => {
    const before = await emu.api("GET", "/bridges");
    const created = await emu.api("POST", "/bridges", { body: { name: "x", adminStateUp: "maybe" } });
    expect(created.status).toBe(400);
    expect((await emu.api("GET", "/bridges")).json).toHaveLength(before.json.length);
  });
});
