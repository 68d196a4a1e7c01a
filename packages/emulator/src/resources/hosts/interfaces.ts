/**
 * GET /hosts/{id}/interfaces and /hosts/{id}/interfaces/{interfaceName} (`RS/InterfaceResource.scala`): read from
 * the host state the agent reports, here the host registry. The host is never looked up as an object: a host with
 * no state, or no host at all, reads as no interfaces (reference-corrections "Reference … 6").
 */

import { HOST_KIND } from "../../hosts/registry.js";
import { notFound } from "../../http/errors.js";
import { ok } from "../replies.js";
import type { Handler, RequestContext } from "../types.js";
import { locatorUuid } from "./java-parsing.js";
import { renderInterface } from "./view.js";

function reported(ctx: RequestContext) {
  const hostId = locatorUuid(ctx.params.id!);
  // The state key goes with the host object: a deleted host has no state left.
  return ctx.tx.exists(HOST_KIND, hostId) ? ctx.hosts.interfaces(hostId) : [];
}

export const listHostInterfaces: Handler = (ctx) => ok(reported(ctx).map((entry) => renderInterface(ctx, entry)));

export const getHostInterface: Handler = (ctx) => {
  const entry = reported(ctx).find((candidate) => candidate.name === ctx.params.interfaceName);
  if (!entry) {
    throw notFound("Interface not found");
  }
  return ok(renderInterface(ctx, entry));
};
