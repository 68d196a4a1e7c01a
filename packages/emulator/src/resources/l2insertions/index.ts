/**
 * Group "l2insertions": /l2insertions and /l2insertions/{id} (reference §7.1, §9.29, `RS/L2InsertionResource.scala`,
 * `MM/L2Insertion.java`); the chain and rule work is in translation.ts. Deleting either port deletes the insertion
 * (binding CASCADE on `Port.insertionIds` / `srvInsertionIds`).
 */
import { randomUUID } from "node:crypto";
import type { Reply } from "../../http/response.js";
import { created, noContent, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { defineView } from "../view.js";
import { createInsertion, deleteInsertion, L2_INSERTION_KIND, updateInsertion } from "./translation.js";

/** What a null UUID becomes in a proto: MidoNet then reads the all-zero id. */
export const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

const l2InsertionView = defineView({ schema: "L2Insertion", path: (i) => `/l2insertions/${i.id}` });

/** `listFilter`: `srv_port` wins over `port` (plain string comparison with the stored lower-case UUIDs). */
function list(ctx: RequestContext): Reply {
  const srvPort = ctx.query.get("srv_port");
  const port = ctx.query.get("port");
  let insertions = ctx.tx.list(L2_INSERTION_KIND);
  if (srvPort !== null) {
    insertions = insertions.filter((i) => i.srvPortId === srvPort);
  } else if (port !== null) {
    insertions = insertions.filter((i) => i.portId === port);
  }
  return ok(insertions.map((i) => l2InsertionView.render(ctx, i)));
}

function create(ctx: RequestContext): Reply {
  const body = ctx.writable();
  const stored = createInsertion(ctx.tx, { ...body, id: body.id ?? randomUUID() });
  return created(l2InsertionView.uri(ctx, stored));
}

/** The generic update reads the path's insertion, then `translateInsertionUpdate` writes the body's id. */
function update(ctx: RequestContext): Reply {
  ctx.tx.get(L2_INSERTION_KIND, ctx.params.id!);
  const body = ctx.writable();
  updateInsertion(ctx.tx, { ...body, id: body.id ?? ZERO_UUID });
  return noContent();
}

export const group: ResourceGroup = {
  name: "l2insertions",
  handlers: {
    listL2Insertions: list,
    getL2Insertion: (ctx) => ok(l2InsertionView.render(ctx, ctx.tx.get(L2_INSERTION_KIND, ctx.params.id!))),
    createL2Insertion: create,
    updateL2Insertion: update,
    deleteL2Insertion(ctx) {
      deleteInsertion(ctx.tx, ctx.params.id!);
      return noContent();
    },
  },
};
