import { describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();

describe("bridges CRUD (reference §4, §7.1, §9.1)", () => {
  it("§4 create answers 201 + Location + empty body; the object has uri, links and defaults", async () => {
    const res = await emu.api("POST", "/bridges", { body: { name: "b1", tenantId: "t1", unknownField: 1, uri: "x" } });
    expect(res.status).toBe(201);
    expect(res.text).toBe("");
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${emu.url}/bridges/[0-9a-f-]{36}$`));
    const get = await emu.raw("GET", location, { headers: { accept: "application/json" } });
    expect(get.status).toBe(200);
    expect(get.json).toMatchObject({
      name: "b1",
      tenantId: "t1",
      adminStateUp: true,
      inboundFilterId: null,
      vxLanPortIds: [],
      inboundMirrorIds: [],
      uri: location,
      ports: `${location}/ports`,
      dhcpSubnet6s: `${location}/dhcpV6`,
      macPortTemplate: `${location}/mac_table/{macAddress}_{portId}`,
      inboundFilter: null,
    });
    expect(get.json.unknownField).toBeUndefined();
    expect(get.json.portIds).toBeUndefined();
  });

  it("§4 a client-supplied id is honoured; a duplicate id answers 409", async () => {
    const id = uuid(1);
    expect((await emu.api("POST", "/bridges", { body: { id } })).status).toBe(201);
    const dup = await emu.api("POST", "/bridges", { body: { id, name: "again" } });
    expect(dup.status).toBe(409);
    expect(dup.json).toEqual({ message: `A(n) Network with ID ${id} already exists.`, code: 409 });
  });

  it("§7.1 list filters by tenant_id exactly", async () => {
    await emu.createBridge({ name: "ta", tenantId: "tenant-a" });
    await emu.createBridge({ name: "tb", tenantId: "tenant-b" });
    const res = await emu.api("GET", "/bridges?tenant_id=tenant-a");
    expect(res.json.map((b: any) => b.name)).toEqual(["ta"]);
  });

  it("§4 PUT is a full replacement: omitted fields become null, adminStateUp defaults to true, id kept", async () => {
    const id = await emu.createBridge({ name: "full", tenantId: "t", adminStateUp: false });
    const put = await emu.api("PUT", `/bridges/${id}`, { body: { name: "renamed", id: uuid(777) } });
    expect(put.status).toBe(204);
    expect(put.text).toBe("");
    const get = await emu.api("GET", `/bridges/${id}`);
    expect(get.json).toMatchObject({ id, name: "renamed", tenantId: null, adminStateUp: true });
  });

  const refusals = [
    { ref: "§9.1 vxLanPortIds on create", method: "POST", body: { vxLanPortIds: [] }, status: 400 },
    { ref: "§9.1 vxLanPortIds on create", method: "POST", body: { vxLanPortIds: [uuid(5)] }, status: 400 },
    { ref: "§9.1 vxLanPortIds null on create is fine", method: "POST", body: { vxLanPortIds: null }, status: 201 },
    { ref: "§9.1 vxLanPortIds changed on update", method: "PUT", body: { vxLanPortIds: [uuid(5)] }, status: 400 },
    { ref: "§9.1 vxLanPortIds equal on update is fine", method: "PUT", body: { vxLanPortIds: [] }, status: 204 },
  ];
  it.each(refusals)("$ref → $status", async (c) => {
    const id = await emu.createBridge({ name: "v" });
    const res = await emu.api(c.method, c.method === "POST" ? "/bridges" : `/bridges/${id}`, { body: c.body });
    expect(res.status).toBe(c.status);
    if (c.status === 400) {
      expect(res.json.message).toMatch(/^VXLAN port ID cannot be set directly\./);
    }
  });

  it("§4 PUT and DELETE of a missing bridge answer 404 with the storage message", async () => {
    const id = uuid(404);
    for (const method of ["PUT", "DELETE", "GET"]) {
      const res = await emu.api(method, `/bridges/${id}`, { body: method === "PUT" ? {} : undefined });
      expect(res.status).toBe(404);
      expect(res.json).toEqual({ message: `There is no Network with ID ${id}.`, code: 404 });
    }
  });

  it("§4 DELETE answers 204 and the bridge is gone", async () => {
    const id = await emu.createBridge();
    const res = await emu.api("DELETE", `/bridges/${id}`);
    expect(res.status).toBe(204);
    expect((await emu.api("GET", `/bridges/${id}`)).status).toBe(404);
  });

  it("§8 a missing mirror reference answers 404 and nothing is created", async () => {
    const res = await emu.api("POST", "/bridges", { body: { id: uuid(31), inboundMirrorIds: [uuid(32)] } });
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Mirror with ID ${uuid(32)}.`);
    expect((await emu.api("GET", `/bridges/${uuid(31)}`)).status).toBe(404);
  });
});
