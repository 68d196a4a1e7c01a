/**
 * Group "vips": /vips and /vips/{id} (reference §7.1, §9.25, `RS/VipResource.scala`, `MM/Vip.java`). A missing pool
 * is a 400 here (the resource turns the storage's NotFound into BadRequest), unlike most references.
 */
import { badRequest } from "../../http/errors.js";
import type { Reply } from "../../http/response.js";
import { notFoundError } from "../../store/errors.js";
import { defineCrud } from "../crud.js";
import { POOL_KIND } from "../pools/view.js";
import { created, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { VIP_KIND, vipView, withLoadBalancer } from "./view.js";

function requirePool(ctx: RequestContext, poolId: string): void {
  if (!ctx.tx.find(POOL_KIND, poolId)) {
    throw badRequest(notFoundError(POOL_KIND, poolId).message);
  }
}

/** `POST /vips` (pool from the body) and `POST /pools/{id}/vips` (pool from the path, before validation). */
export function createVip(ctx: RequestContext, poolId?: string): Reply {
  const body = ctx.writable();
  const object = poolId === undefined ? body : { ...body, poolId };
  requirePool(ctx, object.poolId);
  const stored = ctx.tx.create(VIP_KIND, object);
  return created(vipView.uri(ctx, stored));
}

const vips = defineCrud({
  kind: VIP_KIND,
  view: vipView,
  deleteMissing: 204,
  // Vip.update(from) keeps only the id.
  beforeUpdate(ctx, next) {
    requirePool(ctx, next.poolId);
    return undefined;
  },
});

export const group: ResourceGroup = {
  name: "vips",
  handlers: {
    listVips: (ctx) => ok(ctx.tx.list(VIP_KIND).map((vip) => vipView.render(ctx, withLoadBalancer(ctx.tx, vip)))),
    getVip(ctx) {
      const vip = ctx.tx.get(VIP_KIND, ctx.params.id!);
      // VipResource.get reads the pool too (404 if it were gone).
      ctx.tx.get(POOL_KIND, vip.poolId);
      return ok(vipView.render(ctx, withLoadBalancer(ctx.tx, vip)));
    },
    createVip: (ctx) => createVip(ctx),
    updateVip: vips.update,
    deleteVip: vips.delete,
  },
};
