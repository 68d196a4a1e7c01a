/**
 * Group "pool-members": /pool_members and /pool_members/{id} (reference §7.1, §9.24, `RS/PoolMemberResource.scala`,
 * `MM/PoolMember.java`), plus the helpers of the nested member collections of pools.
 */
import type { Reply } from "../../http/response.js";
import { defineCrud } from "../crud.js";
import { POOL_KIND } from "../pools/view.js";
import { created, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { POOL_MEMBER_KIND, poolMemberView } from "./view.js";

/** `PoolMember.create()`: adminStateUp and status are forced whatever the body says. */
const forced = { adminStateUp: true, status: "ACTIVE" };

/**
 * `PoolPoolMemberResource`: `poolId` comes from the path before validation (`validationFilter`); the pool's
 * existence is the binding's 404.
 */
export function createPoolIn(ctx: RequestContext, poolId: string): Reply {
  const stored = ctx.tx.create(POOL_MEMBER_KIND, { ...ctx.writable(), ...forced, poolId });
  return created(poolMemberView.uri(ctx, stored));
}

/** The pool's members in its member-list order (404 for a missing pool). */
export function listPoolMembersOf(ctx: RequestContext, poolId: string): Reply {
  const pool = ctx.tx.get(POOL_KIND, poolId);
  return ok(ctx.tx.getAll(POOL_MEMBER_KIND, pool.poolMemberIds).map((m) => poolMemberView.render(ctx, m)));
}

const members = defineCrud({
  kind: POOL_MEMBER_KIND,
  view: poolMemberView,
  // PoolMember.update(from) keeps address, protocolPort and status (the body's are validated, then dropped);
  // adminStateUp is the body's (absent = false, a Java boolean).
  preserve: ["address", "protocolPort", "status"],
  deleteMissing: 204,
  beforeCreate: (_ctx, object) => ({ ...object, ...forced }),
  beforeUpdate: (_ctx, next) => ({ ...next, adminStateUp: next.adminStateUp ?? false }),
});

export const group: ResourceGroup = {
  name: "pool-members",
  handlers: {
    listPoolMembers: members.list,
    getPoolMember: members.get,
    createPoolMember: members.create,
    updatePoolMember: members.update,
    deletePoolMember: members.delete,
  },
};
