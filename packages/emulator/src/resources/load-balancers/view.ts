/** The LoadBalancer JSON (reference §9.22, `MM/LoadBalancer.java`). */
import { defineView, ref, sub } from "../view.js";

export const LOAD_BALANCER_KIND = "LoadBalancer";

export const loadBalancerView = defineView({
  schema: "LoadBalancer",
  path: (lb) => `/load_balancers/${lb.id}`,
  fields: {
    router: ref("routers", "routerId"),
    pools: sub("pools"),
    vips: sub("vips"),
  },
});
