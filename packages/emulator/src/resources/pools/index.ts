/**
 * Group "pools": /pools, /pools/{id}, /pools/{id}/vips and /pools/{id}/pool_members (reference §7.1, §9.23,
 * `RS/PoolResource.scala`, `MM/Pool.java`).
 *
 * Health-monitor mapping: a pool created with a `healthMonitorId`, or updated to another one, gets the hidden
 * `mappingStatus` PENDING_CREATE (`Pool.create` / `Pool.update`); while it is PENDING_* `PUT` and `DELETE
 * /pools/{id}` answer 503 "The mapping between the health monitor and the pool is being processed (…)" with
 * `RetryAfter: 3` (`PoolResource.checkMappingStatus`). In MidoNet only the agent clears it: the health-monitor
 * service of a MidoNet agent (`midolman/.../l4lb/HaproxyHealthMonitor.scala` `setPoolMappingStatus`) sets it to
 * ACTIVE/INACTIVE/ERROR once it has configured haproxy. The emulator runs no agent, so such a pool stays pending,
 * exactly like a cluster without a running health-monitor agent. A client gets rid of it the ways that do not go
 * through the check: deleting its load balancer (the binding cascade deletes the pool, its members and VIPs), or
 * creating pools without a health monitor in tests that need to update or delete them. Removing the health monitor
 * (`DELETE /health_monitors/{id}`) only clears `healthMonitorId`: the mapping stays pending, as in MidoNet.
 */
import { HttpError } from "../../http/errors.js";
import type { Reply } from "../../http/response.js";
import type { StoredObject } from "../../store/store.js";
import { defineCrud } from "../crud.js";
import { createPoolIn, listPoolMembersOf } from "../pool-members/index.js";
import { created, noContent, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { createVip } from "../vips/index.js";
import { VIP_KIND, vipView } from "../vips/view.js";
import { POOL_KIND, poolView } from "./view.js";

const PENDING = new Set(["PENDING_CREATE", "PENDING_UPDATE", "PENDING_DELETE"]);

/** `PoolResource.checkMappingStatus`: ServiceUnavailableHttpException with its default `RetryAfter: 3`. */
function checkMappingStatus(pool: StoredObject): void {
  const status = pool.mappingStatus as string | undefined;
  if (status && PENDING.has(status)) {
    throw new HttpError(503, `The mapping between the health monitor and the pool is being processed (${status}).`, {
      headers: { RetryAfter: "3" },
    });
  }
}

/** `Pool.create()` (+ `create(loadBalancerId)` on the nested path): protocol TCP, status ACTIVE, mapping status. */
export function createPool(ctx: RequestContext, loadBalancerId?: string): Reply {
  const body = ctx.writable();
  const object: Record<string, any> = {
    poolMemberIds: [],
    vipIds: [],
    ...body,
    protocol: "TCP",
    status: "ACTIVE",
    mappingStatus: body.healthMonitorId ? "PENDING_CREATE" : "ACTIVE",
  };
  if (loadBalancerId !== undefined) {
    object.loadBalancerId = loadBalancerId;
  }
  const stored = ctx.tx.create(POOL_KIND, object);
  return created(poolView.uri(ctx, stored));
}

/** The pools of the object `ownerKind` `{id}` of the path, in its `poolIds` order (a load balancer, a health monitor). */
export function listPoolsOf(ctx: RequestContext, ownerKind: string): Reply {
  const owner = ctx.tx.get(ownerKind, ctx.params.id!);
  return ok(ctx.tx.getAll(POOL_KIND, owner.poolIds).map((pool) => poolView.render(ctx, pool)));
}

const pools = defineCrud({
  kind: POOL_KIND,
  view: poolView,
  deleteMissing: 204,
  listFilter(ctx, objects) {
    const hmId = ctx.query.get("hm_id");
    return hmId === null ? objects : objects.filter((pool) => pool.healthMonitorId === hmId);
  },
});

function updatePool(ctx: RequestContext): Reply {
  const current = ctx.tx.get(POOL_KIND, ctx.params.id!);
  const body = ctx.writable();
  checkMappingStatus(current);
  // Pool.update(from): id, members and VIPs kept; status kept; protocol always TCP; a changed health monitor
  // makes the mapping pending again, an unchanged one makes it ACTIVE.
  const changed = (body.healthMonitorId ?? null) !== (current.healthMonitorId ?? null);
  ctx.tx.update(POOL_KIND, {
    ...body,
    id: current.id,
    poolMemberIds: current.poolMemberIds ?? [],
    vipIds: current.vipIds ?? [],
    protocol: "TCP",
    status: current.status ?? "ACTIVE",
    mappingStatus: changed ? "PENDING_CREATE" : "ACTIVE",
  });
  return noContent();
}

function deletePool(ctx: RequestContext): Reply {
  const current = ctx.tx.find(POOL_KIND, ctx.params.id!);
  if (current) {
    checkMappingStatus(current);
  }
  ctx.tx.delete(POOL_KIND, ctx.params.id!, { ignoreMissing: true });
  return noContent();
}

export const group: ResourceGroup = {
  name: "pools",
  handlers: {
    listPools: pools.list,
    getPool: pools.get,
    createPool: (ctx) => createPool(ctx),
    updatePool,
    deletePool,
    listPoolVips(ctx) {
      const pool = ctx.tx.get(POOL_KIND, ctx.params.id!);
      const vips = ctx.tx.getAll(VIP_KIND, pool.vipIds);
      return ok(vips.map((vip) => vipView.render(ctx, { ...vip, loadBalancerId: pool.loadBalancerId ?? null })));
    },
    createPoolVip(ctx) {
      // PoolResource.vips reads the pool first: 404 for a missing one.
      ctx.tx.get(POOL_KIND, ctx.params.id!);
      return createVip(ctx, ctx.params.id!);
    },
    listPoolPoolMembers: (ctx) => listPoolMembersOf(ctx, ctx.params.id!),
    createPoolPoolMember(ctx) {
      ctx.tx.get(POOL_KIND, ctx.params.id!);
      return createPoolIn(ctx, ctx.params.id!);
    },
  },
};
