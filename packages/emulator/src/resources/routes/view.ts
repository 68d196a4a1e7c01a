/**
 * The Route JSON (reference §9.5, `MM/Route.java`), read from the proto fields (`afterFromProto`). `routerId` is
 * the stored one or, for a port route, the given owner (the next-hop port's router, `RouteResource.getFilter`,
 * `RouterRouteResource.list`).
 */
import type { StoredObject } from "../../store/store.js";
import type { RequestContext } from "../types.js";
import { defineView } from "../view.js";

function split(subnet: unknown): [string | null, number] {
  if (typeof subnet !== "string") {
    return [null, 0];
  }
  const [address, length] = subnet.split("/");
  return [address ?? null, Number(length ?? 0)];
}

const view = defineView({
  schema: "Route",
  path: (route) => `/routes/${route.id}`,
  fields: {
    type: (route) => route.nextHop ?? route.type ?? null,
    srcNetworkAddr: (route) => split(route.srcSubnet)[0],
    srcNetworkLength: (route) => split(route.srcSubnet)[1],
    dstNetworkAddr: (route) => split(route.dstSubnet)[0],
    dstNetworkLength: (route) => split(route.dstSubnet)[1],
    nextHopPort: (route) => route.nextHopPortId ?? null,
    weight: (route) => route.weight ?? 0,
    learned: () => false,
    router: (route, _self, ctx) => (route.routerId ? ctx.uri(`/routers/${route.routerId}`) : null),
  },
});

/** Renders a stored route; `routerId` overrides a missing stored router (port routes). */
export function renderRoute(
  ctx: RequestContext,
  route: StoredObject,
  routerId: string | null | undefined,
): Record<string, unknown> {
  return view.render(ctx, { ...route, routerId: route.routerId ?? routerId ?? null });
}

export const routeUri = (ctx: RequestContext, id: string): string => ctx.uri(`/routes/${id}`);
