// Group C, tunnel zones: /tunnel_zones and their member hosts (RS/TunnelZoneResource.scala,
// RS/TunnelZoneHostResource.scala; reference §7.1, §7.2, §9.16, §9.17; coverage notes c-coverage.md 8, 9).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { idOf, TestEmulator, uuid } from "./helpers.js";

const TZH = "application/vnd.org.midonet.TunnelZoneHost-v1+json";
const TZH_LIST = "application/vnd.org.midonet.collection.TunnelZoneHost-v1+json";
const GRE_TZH_LIST = "application/vnd.org.midonet.collection.GreTunnelZoneHost-v1+json";
const H1 = uuid(1);
const H2 = uuid(2);

let counter = 0;
const emu = TestEmulator.forSuite({ hosts: [H1, H2] });

async function zone(body: Record<string, unknown> = {}): Promise<string> {
  const res = await emu.api("POST", "/tunnel_zones", { body: { name: `zone-${++counter}`, type: "vxlan", ...body } });
  expect(res.status).toBe(201);
  return idOf(res.headers.location);
}

const addMember = (zoneId: string, body: Record<string, unknown>) =>
  emu.api("POST", `/tunnel_zones/${zoneId}/hosts`, { body, headers: { "content-type": TZH, accept: TZH } });
const members = (zoneId: string, accept = TZH_LIST) =>
  emu.api("GET", `/tunnel_zones/${zoneId}/hosts`, { headers: { accept } });

describe("tunnel zones (reference §9.16)", () => {
  it("§4 create answers 201 + Location; the zone reads with its links", async () => {
    const res = await emu.api("POST", "/tunnel_zones", { body: { name: "first", type: "gre" } });
    expect(res.status).toBe(201);
    const location = String(res.headers.location);
    const get = await emu.raw("GET", location, { headers: { accept: "application/json" } });
    expect(get.json).toEqual({
      id: location.split("/").pop(),
      name: "first",
      type: "gre",
      uri: location,
      hosts: `${location}/hosts`,
    });
  });

  it.each([
    ["the same name and type", { type: "gre" }],
    ["the same name with another type (names are unique across types)", { type: "vtep" }],
  ])("409 Tunnel zone name already exists. for %s", async (_name, extra) => {
    await zone({ name: "taken", type: "gre" }).catch(() => undefined);
    const res = await emu.api("POST", "/tunnel_zones", { body: { name: "taken", ...extra } });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({ message: "Tunnel zone name already exists.", code: 409 });
  });

  it("names are compared exactly (case-sensitive)", async () => {
    await zone({ name: "Mixed" });
    expect((await emu.api("POST", "/tunnel_zones", { body: { name: "mixed", type: "gre" } })).status).toBe(201);
  });

  it("updateFilter: a PUT that keeps the name unchanged is refused (MidoNet checks the zone itself too)", async () => {
    const id = await zone({ name: "keep" });
    const res = await emu.api("PUT", `/tunnel_zones/${id}`, { body: { name: "keep", type: "gre" } });
    expect(res.status).toBe(409);
    expect(res.json.message).toBe("Tunnel zone name already exists.");
  });

  it("PUT with a new name answers 204, replaces name and type and keeps the members", async () => {
    const id = await zone({ name: "before-rename" });
    await addMember(id, { hostId: H1, ipAddress: "10.0.0.1" });
    const res = await emu.api("PUT", `/tunnel_zones/${id}`, {
      body: { name: `renamed-${id}`, type: "vtep", id: uuid(77) },
    });
    expect(res.status).toBe(204);
    const get = await emu.api("GET", `/tunnel_zones/${id}`);
    expect(get.json).toMatchObject({ id, name: `renamed-${id}`, type: "vtep" });
    expect((await members(id)).json.map((m: any) => m.hostId)).toEqual([H1]);
    // The old name is free again.
    expect((await emu.api("POST", "/tunnel_zones", { body: { name: "before-rename", type: "gre" } })).status).toBe(201);
  });

  it("PUT to another zone's name answers 409", async () => {
    await zone({ name: "other" });
    const id = await zone();
    expect((await emu.api("PUT", `/tunnel_zones/${id}`, { body: { name: "other", type: "gre" } })).status).toBe(409);
  });

  it.each([
    ["missing name", { type: "gre" }, "name"],
    ["missing type", { name: "x-missing-type" }, "type"],
  ])("§6 create with %s answers 400 violations", async (_name, body, property) => {
    const res = await emu.api("POST", "/tunnel_zones", { body });
    expect(res.status).toBe(400);
    expect(res.json.violations).toEqual([{ property, message: "may not be null" }]);
  });

  it("§4 DELETE answers 204, also for an unknown id; member hosts lose the zone", async () => {
    const id = await zone();
    await addMember(id, { hostId: H2, ipAddress: "10.0.0.2" });
    expect((await emu.api("DELETE", `/tunnel_zones/${id}`)).status).toBe(204);
    expect((await emu.api("GET", `/tunnel_zones/${id}`)).status).toBe(404);
    expect((await emu.api("DELETE", `/tunnel_zones/${uuid(404)}`)).status).toBe(204);
    // H2 still in other zones? It was only in this one: binding a port must now fail with "not in any tunnel zone".
    const bridge = await emu.createBridge();
    const port = await emu.api("POST", `/bridges/${bridge}/ports`, { body: { type: "Bridge" } });
    const portId = String(port.headers.location).split("/").pop();
    const bind = await emu.api("POST", `/hosts/${H2}/ports`, { body: { portId, interfaceName: "tap0" } });
    expect(bind.status).toBe(409);
    expect(bind.json.message).toBe("The specified host is not in any tunnel zone.");
  });
});

describe("tunnel zone hosts (RS/TunnelZoneHostResource.scala)", () => {
  it("add → 201 + Location; list (both media types) and get agree; the order is the add order", async () => {
    const id = await zone();
    const res = await addMember(id, { hostId: H2, ipAddress: "10.0.0.2", tunnelZoneId: uuid(55) });
    expect(res.status).toBe(201);
    const self = `${emu.url}/tunnel_zones/${id}/hosts/${H2}`;
    expect(res.headers.location).toBe(self);
    expect((await addMember(id, { hostId: H1, ipAddress: "10.0.0.1" })).status).toBe(201);
    const expected = {
      tunnelZoneId: id,
      hostId: H2,
      ipAddress: "10.0.0.2",
      uri: self,
      host: `${emu.url}/hosts/${H2}`,
      tunnelZone: `${emu.url}/tunnel_zones/${id}`,
    };
    const list = await members(id);
    expect(list.json.map((m: any) => m.hostId)).toEqual([H2, H1]);
    expect(list.json[0]).toEqual(expected);
    expect((await members(id, GRE_TZH_LIST)).json).toEqual(list.json);
    const get = await emu.api("GET", `/tunnel_zones/${id}/hosts/${H2}`, { headers: { accept: TZH } });
    expect(get.json).toEqual(expected);
  });

  it("a duplicate member answers 409 with no body", async () => {
    const id = await zone();
    await addMember(id, { hostId: H1, ipAddress: "10.0.0.1" });
    const res = await addMember(id, { hostId: H1, ipAddress: "10.0.0.9" });
    expect(res.status).toBe(409);
    expect(res.text).toBe("");
  });

  it.each([
    ["an unknown host", () => zone(), uuid(404), `There is no Host with ID ${uuid(404)}.`],
    ["an unknown zone", async () => uuid(405), H1, `There is no TunnelZone with ID ${uuid(405)}.`],
  ])("404 for %s", async (_name, zoneId, hostId, message) => {
    const id = await zoneId();
    const res = await addMember(id, { hostId, ipAddress: "10.0.0.1" });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(message);
    if (hostId !== H1) {
      expect((await members(id)).json).toEqual([]);
    }
  });

  it.each([
    ["missing ipAddress", { hostId: H1 }, [{ property: "ipAddress", message: "may not be null" }]],
    [
      "bad ipAddress",
      { hostId: H1, ipAddress: "10.0.0" },
      [{ property: "ipAddress", message: "is an invalid IP format" }],
    ],
  ])("bean validation: %s → 400", async (_name, body, violations) => {
    const res = await addMember(await zone(), body);
    expect(res.status).toBe(400);
    expect(res.json.violations).toEqual(violations);
  });

  it("remove → 204; a second remove → 404 with no body; get of a non-member → 404 Resource not found", async () => {
    const id = await zone();
    await addMember(id, { hostId: H1, ipAddress: "10.0.0.1" });
    expect((await emu.api("DELETE", `/tunnel_zones/${id}/hosts/${H1}`)).status).toBe(204);
    const again = await emu.api("DELETE", `/tunnel_zones/${id}/hosts/${H1}`);
    expect(again.status).toBe(404);
    expect(again.text).toBe("");
    const get = await emu.api("GET", `/tunnel_zones/${id}/hosts/${H1}`, { headers: { accept: TZH } });
    expect(get.status).toBe(404);
    expect(get.json).toEqual({ message: "Resource not found", code: 404 });
    expect((await members(id)).json).toEqual([]);
  });

  it("a missing zone answers 404 JSON on list, get and remove", async () => {
    for (const [method, path, accept] of [
      ["GET", "/hosts", TZH_LIST],
      ["GET", `/hosts/${H1}`, TZH],
      ["DELETE", `/hosts/${H1}`, TZH],
    ] as const) {
      const res = await emu.api(method, `/tunnel_zones/${uuid(406)}${path}`, { headers: { accept } });
      expect(res.status).toBe(404);
      expect(res.json.message).toBe(`There is no TunnelZone with ID ${uuid(406)}.`);
    }
  });

  it("reference-corrections 5: a non-UUID host id answers 500", async () => {
    const res = await emu.api("GET", `/tunnel_zones/${await zone()}/hosts/xyz`, { headers: { accept: TZH } });
    expect(res.status).toBe(500);
    expect(res.json.message).toBe("Invalid UUID string: xyz");
  });
});

describe("tunnel zone deletion with VTEPs (RS/TunnelZoneResource.scala deleteFilter)", () => {
  // A VTEP cannot be created without an OVSDB server, so it is loaded from a state file.
  it("409 while a VTEP uses the zone, listing the VTEP ids", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tz-vtep-"));
    const zoneId = uuid(500);
    const vtepId = uuid(501);
    const state = join(dir, "state.json");
    writeFileSync(
      state,
      JSON.stringify({
        format: "midonet-emulator-snapshot",
        version: 1,
        seq: 1,
        objects: [
          ["TunnelZone", zoneId, { id: zoneId, name: "vtep-zone", type: "vtep", hosts: [], hostIds: [] }],
          [
            "Vtep",
            vtepId,
            { id: vtepId, managementIp: "10.9.9.9", managementPort: 6632, tunnelZoneId: zoneId, bindings: [] },
          ],
        ],
      }),
    );
    const local = await TestEmulator.start({ statePath: state });
    try {
      const res = await local.api("DELETE", `/tunnel_zones/${zoneId}`);
      expect(res.status).toBe(409);
      expect(res.json.message).toBe(
        `Tunnel Zone is used by VTEP(s), please delete the following VTEPs before deleting this tunnel zone: ArrayBuffer(${vtepId})`,
      );
      expect((await local.api("GET", `/tunnel_zones/${zoneId}`)).status).toBe(200);
    } finally {
      await local.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
