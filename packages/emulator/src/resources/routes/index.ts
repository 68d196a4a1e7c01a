/**
 * Group "routes": /routers/{id}/routes and /routes/{id} (reference §7.2, §9.5, `RS/RouteResource.scala`
 * `RouteResource`, `RouterRouteResource`). Routes cannot be updated. Learned (BGP) routes come from agents' state,
 * which the emulator has none of, so listings hold the stored routes only.
 */
import { badRequest, HttpError } from "../../http/errors.js";
import { PORT_KIND, portDeviceId } from "../ports/model.js";
import { created, noContent, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { ROUTE_KIND, storedRoute } from "./model.js";
import { renderRoute, routeUri } from "./view.js";

const ROUTER_KIND = "Router";
const NEXT_HOP_INVALID = "This type of route requires a next hop port that is a port on the same router.";

/** The router's own routes, then those of its ports in port order; port routes get the port's router. */
function listRouterRoutes(ctx: RequestContext) {
  const router = ctx.tx.get(ROUTER_KIND, ctx.params.id!);
  const ports = ctx.tx.getAll(PORT_KIND, router.portIds as string[] | undefined);
  const routerOf = new Map(ports.map((port) => [port.id, (port.routerId as string | undefined) ?? null]));
  const ids = [
    ...((router.routeIds as string[] | undefined) ?? []),
    ...ports.flatMap((port) => (port.routeIds as string[] | undefined) ?? []),
  ];
  const routes = ctx.tx.getAll(ROUTE_KIND, ids);
  return ok(routes.map((route) => renderRoute(ctx, route, routerOf.get(route.nextHopPortId as string))));
}

/** `RouterRouteResource.throwIfNextPortNotValid`: a Normal route needs a port of this very router. */
function checkNextHop(ctx: RequestContext, body: Record<string, any>, routerId: string): void {
  if (body.type !== "Normal") {
    return;
  }
  const port = body.nextHopPort ? ctx.tx.find(PORT_KIND, body.nextHopPort as string) : undefined;
  if (!port || portDeviceId(port) !== routerId) {
    throw badRequest(NEXT_HOP_INVALID);
  }
}

function createRouterRoute(ctx: RequestContext) {
  const routerId = ctx.params.id!;
  const body = ctx.writable();
  checkNextHop(ctx, body, routerId);
  const route = ctx.tx.create(ROUTE_KIND, storedRoute(body, routerId));
  return created(routeUri(ctx, route.id));
}

/** `RouteResource.getFilter`: a port route takes the next-hop port's router. */
function getRoute(ctx: RequestContext) {
  const route = ctx.tx.get(ROUTE_KIND, ctx.params.id!);
  if (route.routerId) {
    return ok(renderRoute(ctx, route, null));
  }
  if (!route.nextHopPortId) {
    throw new HttpError(500, `Route ${route.id} is missing both router ID and next hop port ID`);
  }
  const port = ctx.tx.get(PORT_KIND, route.nextHopPortId as string);
  return ok(renderRoute(ctx, route, (port.routerId as string | undefined) ?? null));
}

/** The generic delete: a missing route is a no-op (204). */
function deleteRoute(ctx: RequestContext) {
  ctx.tx.delete(ROUTE_KIND, ctx.params.id!, { ignoreMissing: true });
  return noContent();
}

export const group: ResourceGroup = {
  name: "routes",
  handlers: { listRouterRoutes, createRouterRoute, getRoute, deleteRoute },
};
