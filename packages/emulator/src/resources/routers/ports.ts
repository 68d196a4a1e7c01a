/**
 * /routers/{id}/ports and /routers/{id}/peer_ports (reference §7.2, `RS/PortResource.scala` `RouterPortResource`,
 * `RouterPeerPortResource`). Ports belong to src/resources/ports: the port itself, its tunnel key, MAC, addresses and LOCAL routes
 * come from `ports/model.ts` `createRouterPort`.
 */
import { HttpError } from "../../http/errors.js";
import { createRouterPort, PORT_KIND } from "../ports/model.js";
import { portView, portViewWithoutState } from "../ports/view.js";
import { created, ok } from "../replies.js";
import type { RequestContext } from "../types.js";
import { ROUTER_KIND } from "./view.js";

/** The generic list with `listIds` = the router's port ids; `active` is computed (listFilter). */
export function listRouterPorts(ctx: RequestContext) {
  const router = ctx.tx.get(ROUTER_KIND, ctx.params.id!);
  const ports = ctx.tx.getAll(PORT_KIND, router.portIds as string[] | undefined);
  return ok(ports.map((port) => portView.render(ctx, port)));
}

/**
 * `RouterPortResource.createFilter`. The LOCAL-route loop walks `port.portSubnet`, which `beforeToProto` fills only
 * from a non-empty `portAddress`: a body with neither leaves it null and the loop throws a NullPointerException,
 * which `tryTx` answers 500 with a null message (nothing is created).
 */
export function createRouterPortHandler(ctx: RequestContext) {
  const body = ctx.writable();
  if (body.portSubnet === undefined && (body.portAddress === undefined || body.portAddress === "")) {
    throw new HttpError(500, null);
  }
  const port = createRouterPort(ctx.tx, ctx.params.id!, body);
  return created(portView.uri(ctx, port));
}

/** The peers of the router's linked ports, in port order; this `list` override skips listFilter (no `active`). */
export function listRouterPeerPorts(ctx: RequestContext) {
  const router = ctx.tx.get(ROUTER_KIND, ctx.params.id!);
  const ports = ctx.tx.getAll(PORT_KIND, router.portIds as string[] | undefined);
  const peerIds = ports.map((port) => port.peerId as string | undefined).filter((id): id is string => Boolean(id));
  return ok(ctx.tx.getAll(PORT_KIND, peerIds).map((port) => portViewWithoutState.render(ctx, port)));
}
