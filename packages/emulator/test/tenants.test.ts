// Group C, tenants: /tenants and /tenants/{id} from the identity provider (RS/TenantResource.scala,
// midonet-cluster/.../auth/MockAuthService.scala; reference §5.3, §7.1, §9.27; reference-corrections "Reference … 8").
import { beforeAll, describe, expect, it } from "vitest";
import { TestEmulator } from "./helpers.js";

const TENANT = "application/vnd.org.midonet.Tenant-v2+json";
const TENANT_LIST = "application/vnd.org.midonet.collection.Tenant-v2+json";

function tenantJson(url: string, id: string, name: string, description: string) {
  return {
    id,
    name,
    description,
    enabled: true,
    uri: `${url}/tenants/${id}`,
    routers: `${url}/routers?tenant_id=${id}`,
    bridges: `${url}/bridges?tenant_id=${id}`,
    chains: `${url}/chains?tenant_id=${id}`,
    portGroups: `${url}/port_groups?tenant_id=${id}`,
  };
}

describe("tenants with the mock provider (MockAuthService)", () => {
  const emu = TestEmulator.forSuite();

  it("the list is the admin tenant only; marker and limit are ignored", async () => {
    for (const query of ["", "?marker=x&limit=0"]) {
      const res = await emu.api("GET", `/tenants${query}`, { headers: { accept: TENANT_LIST } });
      expect(res.status).toBe(200);
      expect(res.json).toEqual([tenantJson(emu.url, "admin", "admin", "Admin Tenant")]);
    }
  });

  it.each([
    ["admin", "admin", "Admin Tenant"],
    ["project-x", "project-x", "project-x"],
  ])("get %s: MidoNet's mock answers any id (never 404)", async (id, name, description) => {
    const res = await emu.api("GET", `/tenants/${id}`, { headers: { accept: TENANT } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(tenantJson(emu.url, id, name, description));
  });
});

describe("tenants with a users file (stands in for Keystone)", () => {
  const emu = TestEmulator.forSuite({
    auth: { mode: "users", users: [{ username: "u", password: "p", project: "proj", role: "admin" }] },
  });
  let token: string;
  beforeAll(async () => {
    const login = await emu.api("POST", "/login", {
      headers: { authorization: `Basic ${Buffer.from("u:p").toString("base64")}` },
    });
    token = login.json.key;
  });

  it("lists the projects of the users file and gets a known one", async () => {
    const headers = { "x-auth-token": token, accept: TENANT_LIST };
    const list = await emu.api("GET", "/tenants", { headers });
    expect(list.json.map((t: any) => t.id)).toEqual(["proj"]);
    const get = await emu.api("GET", "/tenants/proj", { headers: { "x-auth-token": token, accept: TENANT } });
    expect(get.json).toMatchObject({ id: "proj", name: "proj", enabled: true });
  });

  it("an unknown id is a Keystone error: 503", async () => {
    const res = await emu.api("GET", "/tenants/nope", { headers: { "x-auth-token": token, accept: TENANT } });
    expect(res.status).toBe(503);
    expect(res.json.message).toMatch(/^Keystone identity service returned an error: /);
  });
});
