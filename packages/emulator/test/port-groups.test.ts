// Group C, port groups: /port_groups and their member ports (RS/PortGroupResource.scala, PortGroupPortResource in
// RS/PortResource.scala; reference §7.1, §7.2, §8, §9.10; reference-corrections "Reference … 5, 7").
import { describe, expect, it } from "vitest";
import { idOf, TestEmulator, uuid } from "./helpers.js";

const PG = "application/vnd.org.midonet.PortGroup-v1+json";
const PGP_LIST = "application/vnd.org.midonet.collection.PortGroupPort-v1+json";

const emu = TestEmulator.forSuite();

async function portGroup(body: Record<string, unknown> = {}): Promise<string> {
  const res = await emu.api("POST", "/port_groups", { body });
  expect(res.status).toBe(201);
  return idOf(res.headers.location);
}

async function bridgePort(): Promise<string> {
  const res = await emu.api("POST", `/bridges/${await emu.createBridge()}/ports`, { body: { type: "Bridge" } });
  return idOf(res.headers.location);
}

const join = (groupId: string, portId: string) =>
  emu.api("POST", `/port_groups/${groupId}/ports`, { body: { portId, portGroupId: uuid(999) } });
const memberIds = async (groupId: string) =>
  (await emu.api("GET", `/port_groups/${groupId}/ports`)).json.map((m: any) => m.portId);
const groupsOfPort = async (portId: string) =>
  (await emu.api("GET", `/ports/${portId}/port_groups`, { headers: { accept: PGP_LIST } })).json.map(
    (m: any) => m.portGroupId,
  );

describe("port groups (reference §9.10)", () => {
  it("§4 create → 201; the group reads with defaults and links (GET needs the vendor type)", async () => {
    const id = await portGroup({ name: "pg", tenantId: "t1" });
    const self = `${emu.url}/port_groups/${id}`;
    const res = await emu.api("GET", `/port_groups/${id}`, { headers: { accept: PG } });
    expect(res.json).toEqual({ id, tenantId: "t1", name: "pg", stateful: false, uri: self, ports: `${self}/ports` });
  });

  it("§4 PUT replaces tenantId, name, stateful and keeps the members", async () => {
    const id = await portGroup({ name: "old", tenantId: "t", stateful: true });
    const portId = await bridgePort();
    await join(id, portId);
    expect((await emu.api("PUT", `/port_groups/${id}`, { body: { name: "new" } })).status).toBe(204);
    const res = await emu.api("GET", `/port_groups/${id}`, { headers: { accept: PG } });
    expect(res.json).toMatchObject({ id, name: "new", tenantId: null, stateful: false });
    expect(await memberIds(id)).toEqual([portId]);
  });

  it("coverage note 10: PUT drops the service-container-group back-reference (their portGroupId is cleared)", async () => {
    const id = await portGroup({ name: "scg" });
    const scg = await emu.api("POST", "/service_container_groups", { body: { portGroupId: id } });
    expect(scg.status).toBe(201);
    const read = async () =>
      (await emu.raw("GET", String(scg.headers.location), { headers: { accept: "application/json" } })).json;
    expect((await read()).portGroupId).toBe(id);
    expect((await emu.api("PUT", `/port_groups/${id}`, { body: { name: "scg" } })).status).toBe(204);
    expect((await read()).portGroupId).toBeNull();
  });

  it("§4 DELETE answers 204, also for an unknown id; members lose the group", async () => {
    const id = await portGroup();
    const portId = await bridgePort();
    await join(id, portId);
    expect((await emu.api("DELETE", `/port_groups/${id}`)).status).toBe(204);
    expect((await emu.api("DELETE", `/port_groups/${id}`)).status).toBe(204);
    expect(await groupsOfPort(portId)).toEqual([]);
  });

  it("listFilter: tenant_id, port_id, both", async () => {
    const portId = await bridgePort();
    const a = await portGroup({ tenantId: "filter-a" });
    const b = await portGroup({ tenantId: "filter-b" });
    const c = await portGroup({ tenantId: "filter-a" });
    await join(b, portId);
    await join(c, portId);
    const ids = async (query: string) => (await emu.api("GET", `/port_groups?${query}`)).json.map((g: any) => g.id);
    expect(await ids("tenant_id=filter-a")).toEqual([a, c]);
    expect(await ids(`port_id=${portId}`)).toEqual([b, c]);
    expect(await ids(`port_id=${portId}&tenant_id=filter-a`)).toEqual([c]);
  });

  it("reference-corrections 5: ?port_id= that is not a UUID answers 500", async () => {
    const res = await emu.api("GET", "/port_groups?port_id=nope");
    expect(res.status).toBe(500);
    expect(res.json.message).toBe("Invalid UUID string: nope");
  });
});

describe("port group membership, both ways (PortGroupPortResource)", () => {
  it("add → 201 + Location; the group lists the port and the port lists the group", async () => {
    const id = await portGroup();
    const portId = await bridgePort();
    const res = await join(id, portId);
    expect(res.status).toBe(201);
    const self = `${emu.url}/port_groups/${id}/ports/${portId}`;
    expect(res.headers.location).toBe(self);
    const expected = {
      portGroupId: id,
      portId,
      uri: self,
      port: `${emu.url}/ports/${portId}`,
      portGroup: `${emu.url}/port_groups/${id}`,
    };
    expect((await emu.api("GET", `/port_groups/${id}/ports`)).json).toEqual([expected]);
    expect((await emu.api("GET", `/port_groups/${id}/ports/${portId}`)).json).toEqual(expected);
    expect(await groupsOfPort(portId)).toEqual([id]);
  });

  it("members keep the order they joined in; a port's groups too", async () => {
    const [g1, g2] = [await portGroup(), await portGroup()];
    const ports = [await bridgePort(), await bridgePort(), await bridgePort()];
    for (const portId of ports) {
      await join(g1, portId);
    }
    await join(g2, ports[0]!);
    expect(await memberIds(g1)).toEqual(ports);
    expect(await groupsOfPort(ports[0]!)).toEqual([g1, g2]);
  });

  it("a second add answers 409 with no body", async () => {
    const id = await portGroup();
    const portId = await bridgePort();
    await join(id, portId);
    const res = await join(id, portId);
    expect(res.status).toBe(409);
    expect(res.text).toBe("");
  });

  it.each([
    [
      "unknown port (checked first)",
      async () => uuid(404),
      async () => uuid(405),
      `There is no Port with ID ${uuid(404)}.`,
    ],
    ["unknown group", () => bridgePort(), async () => uuid(405), `There is no PortGroup with ID ${uuid(405)}.`],
  ])("add with an %s → 404", async (_name, port, group, message) => {
    const res = await join(await group(), await port());
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(message);
  });

  it("add without portId → 400 violation", async () => {
    const res = await emu.api("POST", `/port_groups/${await portGroup()}/ports`, { body: {} });
    expect(res.status).toBe(400);
    expect(res.json.violations).toEqual([{ property: "portId", message: "may not be null" }]);
  });

  it("remove → 204 on both sides", async () => {
    const id = await portGroup();
    const portId = await bridgePort();
    await join(id, portId);
    expect((await emu.api("DELETE", `/port_groups/${id}/ports/${portId}`)).status).toBe(204);
    expect(await memberIds(id)).toEqual([]);
    expect(await groupsOfPort(portId)).toEqual([]);
  });

  it.each([
    ["a port that is not a member → 404 with no body", async () => bridgePort(), async () => portGroup(), 404, ""],
    ["a port that does not exist → 204", async () => uuid(406), async () => portGroup(), 204, ""],
    [
      "a group that does not exist → 404 JSON",
      async () => bridgePort(),
      async () => uuid(407),
      404,
      JSON.stringify({ message: `There is no PortGroup with ID ${uuid(407)}.`, code: 404 }),
    ],
  ])("remove of %s", async (_name, port, group, status, text) => {
    const res = await emu.api("DELETE", `/port_groups/${await group()}/ports/${await port()}`);
    expect(res.status).toBe(status);
    expect(res.text).toBe(text);
  });

  it.each([
    ["a port that is not a member", async () => bridgePort(), { message: "Resource not found", code: 404 }],
    [
      "a port that does not exist",
      async () => uuid(408),
      { message: `There is no Port with ID ${uuid(408)}.`, code: 404 },
    ],
  ])("get of %s → 404", async (_name, port, body) => {
    const res = await emu.api("GET", `/port_groups/${await portGroup()}/ports/${await port()}`);
    expect(res.status).toBe(404);
    expect(res.json).toEqual(body);
  });

  it("deleting a member port removes it from the group", async () => {
    const id = await portGroup();
    const portId = await bridgePort();
    await join(id, portId);
    expect((await emu.api("DELETE", `/ports/${portId}`)).status).toBe(204);
    expect(await memberIds(id)).toEqual([]);
  });

  it("listing the members of a missing group → 404", async () => {
    const res = await emu.api("GET", `/port_groups/${uuid(409)}/ports`);
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no PortGroup with ID ${uuid(409)}.`);
  });
});
