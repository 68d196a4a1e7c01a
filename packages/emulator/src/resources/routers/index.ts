/**
 * Group "routers": /routers, /routers/{id}, the router's ports, peer ports and port peering tables (reference §7.1,
 * §7.2, §9.2, `RS/RouterResource.scala`). Storage kind `Router`; deleting it deletes its ports (and their routes),
 * its routes, BGP networks, BGP peers and trace requests through the binding table, and is refused (409) while
 * `loadBalancerId` is set (binding `Router.load_balancer_id` ERROR). The router's routes and BGP collections are
 * served by the "routes" and "bgp" groups.
 */
import { defineCrud } from "../crud.js";
import { PORT_KIND } from "../ports/model.js";
import type { ResourceGroup } from "../types.js";
import {
  createRouterPortPeeringEntry,
  deleteRouterPortPeeringEntry,
  getRouterPortPeeringEntry,
  listRouterPortPeeringEntries,
  PEERING_KIND,
} from "./peering.js";
import { createRouterPortHandler, listRouterPeerPorts, listRouterPorts } from "./ports.js";
import { ROUTER_KIND, routerView } from "./view.js";

const routers = defineCrud({
  kind: ROUTER_KIND,
  view: routerView,
  hidden: { portIds: [], routeIds: [], bgpNetworkIds: [], bgpPeerIds: [], traceRequestIds: [] },
  // Router.update(from) copies these back-references (and id).
  preserve: ["portIds", "routeIds", "bgpNetworkIds", "bgpPeerIds", "traceRequestIds"],
  // No deleteFilter: the generic delete ignores a missing router.
  deleteMissing: 204,
  filters: { tenant_id: "tenantId" },
});

export const group: ResourceGroup = {
  name: "routers",
  handlers: {
    listRouters: routers.list,
    getRouter: routers.get,
    createRouter: routers.create,
    updateRouter: routers.update,
    deleteRouter: routers.delete,
    listRouterPorts,
    createRouterPort: createRouterPortHandler,
    listRouterPeerPorts,
    listRouterPortPeeringEntries,
    createRouterPortPeeringEntry,
    getRouterPortPeeringEntry,
    deleteRouterPortPeeringEntry,
  },
  setup(store) {
    // A port's peering table goes with the port (MidoNet keeps it as a state table of the port).
    store.defineOwnedState(PORT_KIND, (tx, port) => tx.delete(PEERING_KIND, port.id, { ignoreMissing: true }));
  },
};
