/**
 * Group "ports": /ports, /ports/{id}, /ports/{id}/link, /ports/{id}/port_groups (reference §7.2, §9.3;
 * `RS/PortResource.scala` `PortResource`, `RS/PortGroupResource.scala` `PortPortGroupResource`). Storage kind
 * `Port`; the peer link, host binding, port groups, routes via next hop, mirrors and insertions follow the
 * binding table.
 */
import { conflict, HttpError } from "../../http/errors.js";
import type { StoredObject } from "../../store/store.js";
import { noContent, ok } from "../replies.js";
import type { ResourceGroup } from "../types.js";
import { PORT_KIND, portType, updatedPort } from "./model.js";
import { portView } from "./view.js";

/** The body kinds `MM/Port.java` `@JsonSubTypes` maps to each stored kind. */
const SCHEMA_OF_TYPE = { Bridge: "BridgePort", Router: "RouterPort", Vxlan: "VxlanPort" } as const;

/** `PortResource.deleteFilter`: reads the port (404 when missing) and refuses a VXLAN port bound to a VTEP. */
function checkDeletable(port: StoredObject): void {
  if (port.vtepId) {
    throw conflict(
      `This port type doesn't allow  deletions as it binds network ${port.networkId} to VTEP ${port.vtepId}. Please remove the bindings instead.`,
    );
  }
}

export const group: ResourceGroup = {
  name: "ports",
  handlers: {
    listPorts: (ctx) => ok(ctx.tx.list(PORT_KIND).map((port) => portView.render(ctx, port))),

    getPort: (ctx) => ok(portView.render(ctx, ctx.tx.get(PORT_KIND, ctx.params.id!))),

    updatePort(ctx) {
      const current = ctx.tx.get(PORT_KIND, ctx.params.id!);
      const body = ctx.writable();
      const stored = portType(current) ?? "Bridge";
      // Another kind than the stored one fails in `to.update(from)` with a ClassCastException (500).
      if (ctx.bodySchema !== SCHEMA_OF_TYPE[stored]) {
        throw new HttpError(500, `${ctx.bodySchema ?? "Port"} cannot be cast to ${SCHEMA_OF_TYPE[stored]}`);
      }
      ctx.tx.update(PORT_KIND, updatedPort(current, body));
      return noContent();
    },

    deletePort(ctx) {
      const id = ctx.params.id!;
      checkDeletable(ctx.tx.get(PORT_KIND, id));
      ctx.tx.delete(PORT_KIND, id);
      return noContent();
    },

    linkPort(ctx) {
      // `PortResource.link`: no bean validation, only `peerId` is used; `tx.list` of both ids (404 on either).
      const raw = (ctx.rawBody ?? {}) as Record<string, unknown>;
      const id = ctx.params.id!;
      const peerId = ctx.body?.peerId as string;
      const port = ctx.tx.get(PORT_KIND, id);
      const peer = ctx.tx.get(PORT_KIND, peerId);
      if (port.peerId || peer.peerId) {
        throw conflict("Ports are not linkable.");
      }
      if (raw.portId !== undefined && raw.portId !== null) {
        // `Response.created(link.getUri)`: Link.getUri with portId set needs a base URI it never got (500).
        throw new HttpError(500, "base URI is not set");
      }
      ctx.tx.update(PORT_KIND, { ...port, peerId });
      return { status: 201 };
    },

    unlinkPort(ctx) {
      const port = ctx.tx.get(PORT_KIND, ctx.params.id!);
      ctx.tx.update(PORT_KIND, { ...port, peerId: null });
      return noContent();
    },

    listPortPortGroups(ctx) {
      const port = ctx.tx.get(PORT_KIND, ctx.params.id!);
      return ok(
        ((port.portGroupIds as string[] | undefined) ?? []).map((groupId) => ({
          portGroupId: groupId,
          portId: port.id,
          uri: ctx.uri(`/port_groups/${groupId}/ports/${port.id}`),
          port: ctx.uri(`/ports/${port.id}`),
          portGroup: ctx.uri(`/port_groups/${groupId}`),
        })),
      );
    },
  },
};
