/**
 * Group "load-balancers": /load_balancers, /load_balancers/{id} and its nested /pools, /pools/{poolId}/pool_members
 * and /vips (reference §7.1, §9.22, `RS/LoadBalancerResource.scala`, `RS/PoolResource.scala`
 * `LoadBalancerPoolResource`, `RS/PoolMemberResource.scala` `PoolPoolMemberResource`, `RS/VipResource.scala`
 * `LoadBalancerVipResource`). Deleting a load balancer deletes its pools (and their members and VIPs) through the
 * binding table and clears the router's `loadBalancerId`.
 */
import { badRequest } from "../../http/errors.js";
import { defineCrud } from "../crud.js";
import { createPoolIn, listPoolMembersOf } from "../pool-members/index.js";
import { createPool, listPoolsOf } from "../pools/index.js";
import { POOL_KIND } from "../pools/view.js";
import { ok } from "../replies.js";
import type { ResourceGroup } from "../types.js";
import { VIP_KIND, vipView } from "../vips/view.js";
import { LOAD_BALANCER_KIND, loadBalancerView } from "./view.js";

/** `MessageProperty.ROUTER_ID_IS_INVALID_IN_LB` (`ValidationMessages.properties`). */
const ROUTER_ID_INVALID =
  "A load balancer's router ID must be null at creation. To associate a router with a load balancer, first create the load balancer with null router ID and then update the router's load balancer ID.";

const loadBalancers = defineCrud({
  kind: LOAD_BALANCER_KIND,
  view: loadBalancerView,
  hidden: { poolIds: [] },
  // LoadBalancer.update(from) copies id and poolIds.
  preserve: ["poolIds", "serviceContainerId"],
  deleteMissing: 204,
  beforeCreate(_ctx, object) {
    // LoadBalancer.create(): the router is attached from the router side (Router.loadBalancerId).
    if (object.routerId !== undefined && object.routerId !== null) {
      throw badRequest(ROUTER_ID_INVALID);
    }
    return undefined;
  },
  beforeUpdate(_ctx, next, current) {
    // LoadBalancerResource.updateFilter compares the body's routerId with the stored one (null included).
    if ((next.routerId ?? null) !== (current.routerId ?? null)) {
      throw badRequest("Router cannot be modified");
    }
    return undefined;
  },
});

export const group: ResourceGroup = {
  name: "load-balancers",
  handlers: {
    listLoadBalancers: loadBalancers.list,
    getLoadBalancer: loadBalancers.get,
    createLoadBalancer: loadBalancers.create,
    updateLoadBalancer: loadBalancers.update,
    deleteLoadBalancer: loadBalancers.delete,
    listLoadBalancerPools: (ctx) => listPoolsOf(ctx, LOAD_BALANCER_KIND),
    // LoadBalancerPoolResource.createFilter: pool.create(loadBalancerId); the binding answers 404 for a missing LB.
    createLoadBalancerPool: (ctx) => createPool(ctx, ctx.params.id!),
    // The load balancer of the path is never looked at (LoadBalancerPoolResource.poolMembers).
    listLoadBalancerPoolMembers: (ctx) => listPoolMembersOf(ctx, ctx.params.poolId!),
    createLoadBalancerPoolMember: (ctx) => createPoolIn(ctx, ctx.params.poolId!),
    listLoadBalancerVips(ctx) {
      const lb = ctx.tx.get(LOAD_BALANCER_KIND, ctx.params.id!);
      const pools = ctx.tx.getAll(POOL_KIND, lb.poolIds);
      const vips = ctx.tx.getAll(
        VIP_KIND,
        pools.flatMap((pool) => pool.vipIds ?? []),
      );
      return ok(vips.map((vip) => vipView.render(ctx, { ...vip, loadBalancerId: lb.id })));
    },
  },
};
