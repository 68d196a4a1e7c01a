/**
 * The Port JSON (reference §9.3, `MM/Port.java`, `BridgePort.java`, `RouterPort.java`, `VxLanPort.java`): one
 * schema per stored kind, chosen by the device field as MidoNet's `PortFactory` does. `active` is the bound
 * host's alive state (MidoNet's ActiveKey, set by the agent of that host) where `AbstractPortResource` computes it
 * (get, and the lists of /ports, /bridges/{id}/ports, /routers/{id}/ports); `portViewWithoutState` renders it
 * `false` (and `bgpStatus` null) for the peer-port and VXLAN-port lists, whose `list` overrides skip listFilter.
 */
import type { StoredObject } from "../../store/store.js";
import type { RequestContext } from "../types.js";
import { defineView, type FieldRenderer, ref, sub, type View, valueOr } from "../view.js";
import { type PortType, portDeviceId, portType, routerPortAddressing } from "./model.js";

const device: FieldRenderer = (port, _self, ctx) => {
  if (port.networkId) {
    return ctx.uri(`/bridges/${port.networkId}`);
  }
  return port.routerId ? ctx.uri(`/routers/${port.routerId}`) : null;
};

const hostInterfacePort: FieldRenderer = (port, _self, ctx) =>
  port.hostId ? ctx.uri(`/hosts/${port.hostId}/ports/${port.id}`) : null;

function commonFields(type: PortType, active: boolean): Record<string, FieldRenderer> {
  return {
    type: () => type,
    tunnelKey: valueOr("tunnelKey", 0),
    adminStateUp: valueOr("adminStateUp", false),
    active: active ? (port, _self, ctx) => Boolean(port.hostId) && ctx.hosts.isAlive(port.hostId) : () => false,
    deviceId: (port) => portDeviceId(port),
    device,
    host: ref("hosts", "hostId"),
    peer: ref("ports", "peerId"),
    link: sub("link"),
    portGroups: sub("port_groups"),
    hostInterfacePort,
    inboundFilter: ref("chains", "inboundFilterId"),
    outboundFilter: ref("chains", "outboundFilterId"),
  };
}

function viewsFor(active: boolean): Record<PortType, View> {
  const path = (port: StoredObject) => `/ports/${port.id}`;
  return {
    Bridge: defineView({
      schema: "BridgePort",
      path,
      fields: { ...commonFields("Bridge", active), vlanId: valueOr("vlanId", 0) },
    }),
    Router: defineView({
      schema: "RouterPort",
      path,
      fields: {
        ...commonFields("Router", active),
        portAddress: (port) => routerPortAddressing(port).portAddress,
        networkAddress: (port) => routerPortAddressing(port).networkAddress,
        networkLength: (port) => routerPortAddressing(port).networkLength,
        // No agent reports BGP sessions to the emulator: SingleValueKey without a value → null.
        bgpStatus: () => null,
        peeringTable: (port, _self, ctx) => ctx.uri(`/routers/${port.routerId}/ports/${port.id}/peering_table`),
        serviceContainer: ref("service_containers", "serviceContainerId"),
      },
    }),
    Vxlan: defineView({ schema: "VxlanPort", path, fields: commonFields("Vxlan", active) }),
  };
}

function dispatchingView(views: Record<PortType, View>): View {
  const pick = (port: StoredObject): View => views[portType(port) ?? "Bridge"];
  return {
    schema: "Port",
    uri: (ctx: RequestContext, port: StoredObject) => pick(port).uri(ctx, port),
    render: (ctx: RequestContext, port: StoredObject) => pick(port).render(ctx, port),
  };
}

/** Any port, `active` computed from the host registry. */
export const portView: View = dispatchingView(viewsFor(true));

/** Any port with `active: false` and `bgpStatus: null` (lists that skip MidoNet's listFilter). */
export const portViewWithoutState: View = dispatchingView(viewsFor(false));
