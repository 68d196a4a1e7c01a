/**
 * Group "tenants": the read-only tenants of the identity provider (`RS/TenantResource.scala`, reference §7.1,
 * §9.27). The default mock provider answers any id, as `MockAuthService.tenant` does ("admin" is the admin tenant,
 * any other id an enabled tenant named after it). The users-file provider stands in for Keystone: an id it does
 * not know is a Keystone error, which TenantResource answers 503.
 */

import { MockAuthProvider } from "../../auth/mock.js";
import type { Tenant } from "../../auth/provider.js";
import { HttpError } from "../../http/errors.js";
import { segment } from "../hosts/java-parsing.js";
import { ok } from "../replies.js";
import type { Handler, RequestContext, ResourceGroup } from "../types.js";
import { defineView } from "../view.js";

/** `UriBuilder.queryParam` encoding of the tenant id in the filtered collection links. */
const byTenant = (collection: string) => (tenant: Record<string, any>, _self: string, ctx: RequestContext) =>
  ctx.uri(`/${collection}?tenant_id=${encodeURIComponent(tenant.id)}`);

const tenantView = defineView({
  schema: "Tenant",
  path: (tenant) => `/tenants/${segment(tenant.id)}`,
  fields: {
    routers: byTenant("routers"),
    bridges: byTenant("bridges"),
    chains: byTenant("chains"),
    portGroups: byTenant("port_groups"),
  },
});

const render = (ctx: RequestContext, tenant: Tenant) => tenantView.render(ctx, { ...tenant });

/** `marker` and `limit` are ignored: the mock ignores them, and so does Keystone v3 (MidoNet's default version). */
const listTenants: Handler = (ctx) => ok(ctx.auth.tenants().map((tenant) => render(ctx, tenant)));

const getTenant: Handler = (ctx) => {
  const id = ctx.params.id!;
  const known = ctx.auth.tenants().find((tenant) => tenant.id === id);
  if (known) {
    return ok(render(ctx, known));
  }
  if (ctx.auth instanceof MockAuthProvider) {
    return ok(render(ctx, { id, name: id, description: id, enabled: true }));
  }
  // KeystoneClient turns Keystone's 404 into a KeystoneException "Keystone request `<url>` failed".
  throw new HttpError(
    503,
    `Keystone identity service returned an error: Keystone request \`/v3/projects/${id}\` failed`,
  );
};

export const group: ResourceGroup = { name: "tenants", handlers: { listTenants, getTenant } };
