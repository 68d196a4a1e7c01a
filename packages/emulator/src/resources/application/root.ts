/**
 * GET / — the Application (reference §2): `uri` is the base URI with a trailing slash, `version` "v5.0", then one
 * collection link and/or one `{id}` template per registered root resource, in the order of their path segments
 * (ApplicationResource sorts the @ApiResource paths). The links are built from the request's absolute path.
 */
import { ok } from "../replies.js";
import type { Handler } from "../types.js";

/** [path segment, collection key, template key] of every @ApiResource of MidoNet 5.x, sorted by segment. */
export const ROOT_RESOURCES: ReadonlyArray<readonly [string, string | null, string | null]> = [
  ["bgp_networks", null, "bgpNetworkTemplate"],
  ["bgp_peers", null, "bgpPeerTemplate"],
  ["bridges", "bridges", "bridgeTemplate"],
  ["chains", "chains", "chainTemplate"],
  ["conf", null, null],
  ["health_monitors", "healthMonitors", "healthMonitorTemplate"],
  ["hosts", "hosts", "hostTemplate"],
  ["ip_addr_groups", "ipAddrGroups", "ipAddrGroupTemplate"],
  ["l2insertions", "l2insertions", "l2InsertionTemplate"],
  ["load_balancers", "loadBalancers", "loadBalancerTemplate"],
  ["mirrors", "mirrors", "mirrorTemplate"],
  ["neutron", "neutron", null],
  ["pool_members", "poolMembers", "poolMemberTemplate"],
  ["pools", "pools", "poolTemplate"],
  ["port_groups", "portGroups", "portGroupTemplate"],
  ["ports", "ports", "portTemplate"],
  ["qos_bw_limit_rules", null, "qosBwLimitRuleTemplate"],
  ["qos_dscp_rules", null, "qosDscpRuleTemplate"],
  ["qos_policies", "qosPolicies", "qosPolicyTemplate"],
  ["routers", "routers", "routerTemplate"],
  ["routes", null, "routeTemplate"],
  ["rules", null, "ruleTemplate"],
  ["service_container_groups", "serviceContainerGroups", "serviceContainerGroupTemplate"],
  ["service_containers", "serviceContainers", "serviceContainerTemplate"],
  ["system_state", "systemState", null],
  ["tenants", "tenants", "tenantTemplate"],
  ["traces", "traceRequests", "traceRequestTemplate"],
  ["tunnel_zones", "tunnelZones", "tunnelZoneTemplate"],
  ["vips", "vips", "vipTemplate"],
  ["vteps", "vteps", "vtepTemplate"],
];

export const getApplication: Handler = (ctx) => {
  // UriBuilder.segment() joins without doubling the slash of `/midonet-api/`.
  const requestPath = ctx.requestUri.replace(/\/+$/, "");
  const body: Record<string, string> = { uri: `${ctx.baseUri}/`, version: "v5.0" };
  for (const [segment, collection, template] of ROOT_RESOURCES) {
    if (collection) {
      body[collection] = `${requestPath}/${segment}`;
    }
    if (template) {
      body[template] = `${requestPath}/${segment}/{id}`;
    }
  }
  return ok(body);
};
