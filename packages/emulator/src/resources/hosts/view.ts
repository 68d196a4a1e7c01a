/**
 * The Host, Interface and HostInterfacePort JSON (reference §9.13-§9.15, `MM/Host.java`, `MM/Interface.java`,
 * `MM/HostInterfacePort.java`). `alive`, `addresses` and `hostInterfaces` are read from the host registry on every
 * render, as `HostResource.initHost` reads the agent's state keys.
 */
import type { InterfaceSpec } from "../../options.js";
import type { RequestContext } from "../types.js";
import { defineView, sub, valueOr } from "../view.js";
import { segment } from "./java-parsing.js";

type ReportedInterface = InterfaceSpec & { hostId: string };

/** One interface as `Interface` renders it: ints default to 0 and the rest to null, as the proto conversion does. */
export function renderInterface(ctx: RequestContext, entry: ReportedInterface): Record<string, unknown> {
  const values: Record<string, unknown> = {
    hostId: entry.hostId,
    name: entry.name,
    mac: entry.mac ?? null,
    mtu: entry.mtu ?? 0,
    type: entry.type ?? null,
    endpoint: entry.endpoint ?? null,
    portType: entry.portType ?? null,
    addresses: entry.addresses ?? [],
    status: entry.status ?? 0,
    uri: ctx.uri(`/hosts/${entry.hostId}/interfaces/${segment(entry.name)}`),
  };
  const out: Record<string, unknown> = {};
  for (const [name] of ctx.schemaProperties("Interface")) {
    out[name] = values[name] ?? null;
  }
  return out;
}

export const hostView = defineView({
  schema: "Host",
  path: (host) => `/hosts/${host.id}`,
  fields: {
    addresses: (host, _self, ctx) => ctx.hosts.addresses(host.id),
    hostInterfaces: (host, _self, ctx) => ctx.hosts.interfaces(host.id).map((entry) => renderInterface(ctx, entry)),
    alive: (host, _self, ctx) => ctx.hosts.isAlive(host.id),
    // Proto defaults (topology.proto Host), for hosts stored without them.
    floodingProxyWeight: valueOr("floodingProxyWeight", 1),
    containerWeight: valueOr("containerWeight", 1),
    containerLimit: valueOr("containerLimit", -1),
    enforceContainerLimit: valueOr("enforceContainerLimit", false),
    interfaces: sub("interfaces"),
    ports: sub("ports"),
  },
});

/** A binding is a Port seen through `HostInterfacePort` (its storage class is Port). */
export const hostInterfacePortView = defineView({
  schema: "HostInterfacePort",
  path: (port) => `/hosts/${port.hostId}/ports/${port.id}`,
  fields: {
    portId: (port) => port.id,
    hostId: (port) => port.hostId ?? null,
    interfaceName: (port) => port.interfaceName ?? null,
    host: (port, _self, ctx) => ctx.uri(`/hosts/${port.hostId}`),
    port: (port, _self, ctx) => ctx.uri(`/ports/${port.id}`),
  },
});
