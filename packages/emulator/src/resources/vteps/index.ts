/**
 * Group "vteps": /vteps (+ {id}, /bindings, /bindings/{portName}/{vlanId}, /ports, /ports/{portName}) (reference
 * §7.1-7.2, §9.35, `RS/VtepResource.scala`, `RS/VtepBindingResource.scala`, `RS/VtepPortResource.scala`).
 *
 * Every write and every port read of a VTEP goes through an OVSDB connection to `managementIp:managementPort`
 * (`OvsdbVtepConnection`). The emulator has no OVSDB client and keeps no fake switch, so it answers as MidoNet does
 * for a VTEP whose OVSDB server cannot be reached: the connection future fails with `VtepNotConnectedException`,
 * which nothing maps, so `tryTx`'s catch-all answers 500 with its message "VTEP <ip>:<port> - VTEP <ip>:<port> is not
 * connected" (`nsdb/.../data/vtep/VtepException.java` prefixes the end point). All checks MidoNet makes before
 * connecting (validation, tunnel zone, duplicate management IP, VTEP and bridge existence) answer as usual. So a VTEP
 * is never created through the API and, consistently, bindings and ports answer what MidoNet answers for a VTEP that
 * does not exist (404 / 400 "There is no Vtep with ID …"); VTEPs already in a state file are served read-only.
 */
import { badRequest, conflict, HttpError, notFound } from "../../http/errors.js";
import type { Reply } from "../../http/response.js";
import { notFoundError } from "../../store/errors.js";
import type { StoredObject } from "../../store/store.js";
import { ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { defineView, sub } from "../view.js";

const VTEP_KIND = "Vtep";

const vtepView = defineView({
  schema: "Vtep",
  path: (vtep) => `/vteps/${vtep.id}`,
  fields: {
    // `initVtep`: the cluster's VTEP state (configuration, connection state) — defaults until a VxGW service has
    // connected to the switch, which never happens here.
    name: () => "",
    description: () => "",
    connectionState: () => "disconnected",
    tunnelIpAddrs: () => [],
    bindings: sub("bindings"),
    ports: sub("ports"),
    // MM/Vtep.java builds the template without the `bindings` segment (reference §12 item 17).
    vtepBindingTemplate: (_vtep, self) => `${self}/{portName}/{vlanId}`,
  },
});

const bindingView = defineView({
  schema: "VtepBinding",
  path: (binding) => `/vteps/${binding.vtepId}/bindings/${binding.portName}/${binding.vlanId}`,
});

/** What the failed OVSDB connection answers (`VtepNotConnectedException` through `tryTx`). */
function notConnected(vtep: { managementIp: string; managementPort: number }): HttpError {
  const endPoint = `${vtep.managementIp}:${vtep.managementPort}`;
  return new HttpError(500, `VTEP ${endPoint} - VTEP ${endPoint} is not connected`);
}

/** `VtepResource.createFilter`, in its order; the OVSDB connection is the last step and fails. */
function createVtep(ctx: RequestContext): Reply {
  const body = ctx.writable();
  if (!body.tunnelZoneId) {
    throw badRequest("Tunnel zone ID is not valid.");
  }
  const zone = ctx.tx.find("TunnelZone", body.tunnelZoneId);
  if (!zone) {
    throw badRequest("Tunnel zone ID is not valid.");
  }
  if (String(zone.type).toLowerCase() !== "vtep") {
    throw badRequest("Tunnel zone is not of type VTEP.");
  }
  if (ctx.tx.list(VTEP_KIND).some((vtep) => vtep.managementIp === body.managementIp)) {
    throw conflict(`A VTEP with IP address ${body.managementIp} already exists.`);
  }
  throw notConnected({ managementIp: body.managementIp, managementPort: body.managementPort ?? 0 });
}

function deleteVtep(ctx: RequestContext): Reply {
  const vtep = ctx.tx.get(VTEP_KIND, ctx.params.id!);
  if ((vtep.bindings ?? []).length > 0) {
    throw badRequest(
      `The VTEP with IP address ${vtep.managementIp} cannot be deleted because it still has bindings. To delete the VTEP, please delete its bindings and then resubmit this request.`,
    );
  }
  ctx.tx.delete(VTEP_KIND, vtep.id);
  return { status: 204 };
}

interface Binding {
  portName: string;
  vlanId: number;
  networkId: string;
}

const bindingsOf = (vtep: StoredObject): Binding[] => (vtep.bindings as Binding[] | undefined) ?? [];

const renderBinding = (ctx: RequestContext, vtep: StoredObject, binding: Binding) =>
  bindingView.render(ctx, { ...binding, id: "", vtepId: vtep.id });

/** `VtepBindingResource.create`: validation, VTEP and bridge as 400s, then the OVSDB read of the switch's ports. */
function createBinding(ctx: RequestContext): Reply {
  const body = ctx.writable();
  const vtep = ctx.tx.find(VTEP_KIND, ctx.params.id!);
  if (!vtep) {
    throw badRequest(notFoundError(VTEP_KIND, ctx.params.id!).message);
  }
  if (!ctx.tx.find("Network", body.networkId)) {
    throw badRequest(notFoundError("Network", body.networkId).message);
  }
  throw notConnected({ managementIp: vtep.managementIp, managementPort: vtep.managementPort });
}

/** `{vlanId}` is a Java short: anything else does not match the method (404). */
function vlanParam(ctx: RequestContext): number {
  const text = ctx.params.vlanId!;
  const vlan = Number(text);
  if (!/^[-+]?\d+$/.test(text) || vlan < -32768 || vlan > 32767) {
    throw new HttpError(404, null, { empty: true });
  }
  return vlan;
}

function getBinding(ctx: RequestContext): Reply {
  const vlanId = vlanParam(ctx);
  const vtep = ctx.tx.get(VTEP_KIND, ctx.params.id!);
  const portName = ctx.params.portName!;
  const binding = bindingsOf(vtep).find((b) => b.portName === portName && b.vlanId === vlanId);
  if (!binding) {
    throw notFound(
      `The VTEP at ${vtep.managementIp} does not have a binding to a Midonet network for VLAN ${vlanId} at port ${portName}.`,
    );
  }
  return ok(renderBinding(ctx, vtep, binding));
}

/**
 * `VtepBindingResource.delete`: idempotent; needs no OVSDB. The last binding of the VTEP to a bridge takes the
 * bridge's VXLAN port for this VTEP with it.
 */
function deleteBinding(ctx: RequestContext): Reply {
  const vlanId = vlanParam(ctx);
  const vtep = ctx.tx.get(VTEP_KIND, ctx.params.id!);
  const portName = ctx.params.portName!;
  const all = bindingsOf(vtep);
  const removed = all.find((b) => b.portName === portName && b.vlanId === vlanId);
  if (!removed) {
    return { status: 204 };
  }
  const left = all.filter((b) => b !== removed);
  if (!left.some((b) => b.networkId === removed.networkId)) {
    const network = ctx.tx.find("Network", removed.networkId);
    const vxPort = ctx.tx
      .getAll("Port", network?.vxLanPortIds as string[] | undefined)
      .find((port) => port.vtepId === vtep.id);
    if (network && vxPort) {
      const vxLanPortIds = (network.vxLanPortIds as string[]).filter((id) => id !== vxPort.id);
      ctx.tx.update("Network", { ...network, vxLanPortIds });
      ctx.tx.delete("Port", vxPort.id, { ignoreMissing: true });
    }
  }
  ctx.tx.update(VTEP_KIND, { ...vtep, bindings: left });
  return { status: 204 };
}

/** `VtepPortResource.getPorts`: the VTEP is read (404), then its OVSDB server, which cannot be reached. */
function ports(ctx: RequestContext): Reply {
  const vtep = ctx.tx.get(VTEP_KIND, ctx.params.id!);
  throw notConnected({ managementIp: vtep.managementIp, managementPort: vtep.managementPort });
}

export const group: ResourceGroup = {
  name: "vteps",
  handlers: {
    listVteps: (ctx) => ok(ctx.tx.list(VTEP_KIND).map((vtep) => vtepView.render(ctx, vtep))),
    getVtep: (ctx) => ok(vtepView.render(ctx, ctx.tx.get(VTEP_KIND, ctx.params.id!))),
    createVtep,
    deleteVtep,
    listVtepBindings(ctx) {
      const vtep = ctx.tx.get(VTEP_KIND, ctx.params.id!);
      return ok(bindingsOf(vtep).map((binding) => renderBinding(ctx, vtep, binding)));
    },
    createVtepBinding: createBinding,
    getVtepBinding: getBinding,
    deleteVtepBinding: deleteBinding,
    listVtepPorts: ports,
    getVtepPort: ports,
  },
};
