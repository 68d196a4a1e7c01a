/**
 * Group "bridge-ports": /bridges/{id}/ports, peer_ports, vxlan_ports and the VTEP bindings of a bridge's VXLAN
 * port (reference §7.2; `RS/PortResource.scala` `BridgePortResource`, `BridgePeerPortResource`,
 * `BridgeVxlanPortResource`).
 */
import { badRequest } from "../../http/errors.js";
import { createBridgePort, PORT_KIND } from "../ports/model.js";
import { portView, portViewWithoutState } from "../ports/view.js";
import { created, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";

const NETWORK_KIND = "Network";
const VTEP_KIND = "Vtep";

/** The bridge's ports in its `portIds` order (`listIds` + `listResources`). */
function bridgePorts(ctx: RequestContext) {
  const bridge = ctx.tx.get(NETWORK_KIND, ctx.params.id!);
  return ctx.tx.getAll(PORT_KIND, bridge.portIds);
}

/** `BridgePortResource.getBindings`: the VTEP's stored bindings for the port's bridge. */
function vtepBindings(ctx: RequestContext): Record<string, unknown>[] {
  const portId = ctx.params.portId!;
  const port = ctx.tx.get(PORT_KIND, portId);
  if (!port.vtepId) {
    throw badRequest(`Port ${portId} is not a VXLAN port.`);
  }
  const vtep = ctx.tx.get(VTEP_KIND, port.vtepId);
  const bindings = (vtep.bindings as Array<Record<string, any>> | undefined) ?? [];
  // Entries read from `Vtep.bindings`: `vtepId` is not a stored field of them, so it and the uri are null.
  return bindings
    .filter((binding) => binding.networkId === port.networkId)
    .map((binding) => ({
      vtepId: null,
      portName: binding.portName ?? null,
      vlanId: binding.vlanId ?? 0,
      networkId: binding.networkId ?? null,
      uri: null,
    }));
}

export const group: ResourceGroup = {
  name: "bridge-ports",
  handlers: {
    listBridgePorts: (ctx) => ok(bridgePorts(ctx).map((port) => portView.render(ctx, port))),

    createBridgePort(ctx) {
      // A router or VXLAN body is mapped and validated as that kind, then refused (`createFilter`).
      const body = ctx.writable();
      if (ctx.bodySchema !== "BridgePort") {
        throw badRequest("Not a bridge port.");
      }
      const port = createBridgePort(ctx.tx, ctx.params.id!, body);
      return created(portView.uri(ctx, port));
    },

    listBridgePortVtepBindings: (ctx) => ok(vtepBindings(ctx)),

    listBridgePortVtepBindingsByPortAndVlan(ctx) {
      const vlan = Number(ctx.params.vlanId);
      return ok(vtepBindings(ctx).filter((b) => b.vlanId === vlan && b.portName === ctx.params.portName));
    },

    listBridgePeerPorts(ctx) {
      const peerIds = bridgePorts(ctx)
        .map((port) => port.peerId as string | null | undefined)
        .filter((id): id is string => Boolean(id));
      return ok(ctx.tx.getAll(PORT_KIND, peerIds).map((port) => portViewWithoutState.render(ctx, port)));
    },

    listBridgeVxlanPorts(ctx) {
      const bridge = ctx.tx.get(NETWORK_KIND, ctx.params.id!);
      // `listResources` of the ids: a missing one fails the whole read with 404.
      const ports = ((bridge.vxLanPortIds as string[] | undefined) ?? []).map((id) => ctx.tx.get(PORT_KIND, id));
      return ok(ports.map((port) => portViewWithoutState.render(ctx, port)));
    },
  },
};
