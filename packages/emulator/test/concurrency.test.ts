// Requests are atomic (issue: "two concurrent creates of the same id ... never both succeed"; reference §4 409).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

describe("concurrency", () => {
  const modes = [
    { name: "in memory", statePath: undefined },
    { name: "with a state file", statePath: () => join(mkdtempSync(join(tmpdir(), "emu-conc-")), "state.json") },
  ];

  it.each(modes)("§4 16 concurrent creates of the same id: exactly one 201 ($name)", async (mode) => {
    const emu = await TestEmulator.start({ statePath: mode.statePath?.() });
    try {
      const results = await Promise.all(
        Array.from({ length: 16 }, (_, i) => emu.api("POST", "/bridges", { body: { id: uuid(42), name: `b${i}` } })),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(15);
      expect((await emu.api("GET", "/bridges")).json).toHaveLength(1);
    } finally {
      await emu.close();
    }
  });

  it("concurrent creates and deletes leave consistent back-references", async () => {
    const emu = await TestEmulator.start();
    try {
      const ids = await Promise.all(Array.from({ length: 32 }, (_, i) => emu.createBridge({ name: `c${i}` })));
      const deletes = await Promise.all(ids.map((id) => emu.api("DELETE", `/bridges/${id}`)));
      expect(deletes.every((r) => r.status === 204)).toBe(true);
      expect((await emu.api("GET", "/bridges")).json).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});
