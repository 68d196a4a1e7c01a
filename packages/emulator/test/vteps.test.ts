// Group D, VTEPs (RS/VtepResource.scala, RS/VtepBindingResource.scala, RS/VtepPortResource.scala; reference §7.1-7.2,
// §9.35, §10). The emulator has no OVSDB connection: it answers what MidoNet answers when the VTEP's OVSDB server
// cannot be reached (VtepNotConnectedException through MidonetResource.tryTx → 500), after MidoNet's own checks.
import { beforeAll, describe, expect, it } from "vitest";
import { idOf, TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();
let vtepZone: string;
let greZone: string;
beforeAll(async () => {
  const zone = async (name: string, type: string) =>
    idOf((await emu.api("POST", "/tunnel_zones", { body: { name, type } })).headers.location);
  vtepZone = await zone("vz", "vtep");
  greZone = await zone("gz", "gre");
});

const vtep = (extra: Record<string, unknown>) => ({ managementIp: "10.9.0.1", managementPort: 6632, ...extra });

describe("POST /vteps (VtepResource.createFilter, in order)", () => {
  it.each([
    {
      ref: "bean validation: managementPort @Min(1)",
      body: () => vtep({ tunnelZoneId: vtepZone, managementPort: 0 }),
      status: 400,
      message: "Validation error(s) found",
    },
    {
      ref: "unknown tunnel zone",
      body: () => vtep({ tunnelZoneId: uuid(1) }),
      status: 400,
      message: "Tunnel zone ID is not valid.",
    },
    {
      ref: "tunnel zone not of type vtep",
      body: () => vtep({ tunnelZoneId: greZone }),
      status: 400,
      message: "Tunnel zone is not of type VTEP.",
    },
    {
      ref: "OVSDB unreachable",
      body: () => vtep({ tunnelZoneId: vtepZone }),
      status: 500,
      message: "VTEP 10.9.0.1:6632 - VTEP 10.9.0.1:6632 is not connected",
    },
  ])("$ref → $status", async (c) => {
    const res = await emu.api("POST", "/vteps", { body: c.body() });
    expect([res.status, res.json.message]).toEqual([c.status, c.message]);
    expect((await emu.api("GET", "/vteps")).json).toEqual([]);
  });
});

describe("a VTEP that does not exist (the only kind the emulator has)", () => {
  const id = uuid(2);
  it.each([
    { method: "GET", path: `/vteps/${id}`, status: 404 },
    { method: "DELETE", path: `/vteps/${id}`, status: 404 },
    { method: "GET", path: `/vteps/${id}/bindings`, status: 404 },
    { method: "GET", path: `/vteps/${id}/bindings/eth0/0`, status: 404 },
    { method: "DELETE", path: `/vteps/${id}/bindings/eth0/0`, status: 404 },
    {
      method: "GET",
      path: `/vteps/${id}/ports`,
      status: 404,
      accept: "application/vnd.org.midonet.collection.VTEPPort-v1+json",
    },
    {
      method: "GET",
      path: `/vteps/${id}/ports/eth0`,
      status: 404,
      accept: "application/vnd.org.midonet.VTEPPort-v1+json",
    },
  ])("$method $path → $status There is no Vtep", async (c) => {
    const res = await emu.api(c.method, c.path, c.accept ? { headers: { accept: c.accept } } : {});
    expect([res.status, res.json?.message]).toEqual([c.status, `There is no Vtep with ID ${id}.`]);
  });

  it("POST …/bindings: validation first, then 400 for the missing VTEP (VtepBindingResource.loadOrBadRequest)", async () => {
    const invalid = await emu.api("POST", `/vteps/${id}/bindings`, { body: { portName: "eth0" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.message).toBe("Validation error(s) found");
    const bridge = await emu.createBridge();
    const res = await emu.api("POST", `/vteps/${id}/bindings`, { body: { portName: "eth0", networkId: bridge } });
    expect([res.status, res.json.message]).toEqual([400, `There is no Vtep with ID ${id}.`]);
  });
});
