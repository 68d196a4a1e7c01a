/** The Pool JSON (reference §9.23, `MM/Pool.java`); `mappingStatus` is stored but never output (@JsonIgnore). */
import { defineView, ref, sub } from "../view.js";

export const POOL_KIND = "Pool";

export const poolView = defineView({
  schema: "Pool",
  path: (pool) => `/pools/${pool.id}`,
  fields: {
    healthMonitor: ref("health_monitors", "healthMonitorId"),
    loadBalancer: ref("load_balancers", "loadBalancerId"),
    vips: sub("vips"),
    poolMembers: sub("pool_members"),
  },
});
