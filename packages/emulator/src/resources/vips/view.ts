/**
 * The VIP JSON (reference §9.25, `MM/Vip.java`). `loadBalancerId` is not stored: `VipResource` copies it from the
 * VIP's pool on every read (get, list, and the pool / load-balancer lists).
 */
import type { StoredObject, Transaction } from "../../store/store.js";
import { defineView } from "../view.js";

export const VIP_KIND = "Vip";

/** The VIP with the load balancer of its pool, as the resource fills it in before answering. */
export function withLoadBalancer(tx: Transaction, vip: StoredObject): StoredObject {
  const pool = typeof vip.poolId === "string" ? tx.find("Pool", vip.poolId) : undefined;
  return { ...vip, loadBalancerId: pool?.loadBalancerId ?? null };
}

export const vipView = defineView({
  schema: "Vip",
  path: (vip) => `/vips/${vip.id}`,
  fields: {
    loadBalancer: (vip, _self, ctx) =>
      typeof vip.loadBalancerId === "string" ? ctx.uri(`/load_balancers/${vip.loadBalancerId}`) : null,
    pool: (vip, _self, ctx) => (typeof vip.poolId === "string" ? ctx.uri(`/pools/${vip.poolId}`) : null),
  },
});
