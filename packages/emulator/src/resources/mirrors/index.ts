/**
 * Group "mirrors": /mirrors and /mirrors/{id} (reference §7.1, §9.28, `RS/MirrorResource.scala`, `MM/Mirror.java`).
 * `toPortId` is bound to `Port.mirrorIds` (CASCADE on the port side): deleting the destination port deletes the
 * mirror; deleting a mirror clears it from the mirror lists of bridges, routers and ports (CLEAR).
 */
import { defineCrud } from "../crud.js";
import type { ResourceGroup } from "../types.js";
import { defineView } from "../view.js";

export const MIRROR_KIND = "Mirror";

/** The back-references of `MM/Mirror.java` (@JsonIgnore), kept by `Mirror.update(from)`. */
const BACK_REFERENCES = [
  "networkInboundIds",
  "networkOutboundIds",
  "routerInboundIds",
  "routerOutboundIds",
  "portInboundIds",
  "portOutboundIds",
  "portPostInFilterIds",
  "portPreOutFilterIds",
] as const;

const mirrorView = defineView({ schema: "Mirror", path: (mirror) => `/mirrors/${mirror.id}` });

const mirrors = defineCrud({
  kind: MIRROR_KIND,
  view: mirrorView,
  hidden: Object.fromEntries(BACK_REFERENCES.map((field) => [field, []])),
  preserve: BACK_REFERENCES,
  deleteMissing: 204,
});

export const group: ResourceGroup = {
  name: "mirrors",
  handlers: {
    listMirrors: mirrors.list,
    getMirror: mirrors.get,
    createMirror: mirrors.create,
    updateMirror: mirrors.update,
    deleteMirror: mirrors.delete,
  },
};
