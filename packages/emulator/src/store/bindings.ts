/**
 * MidoNet's storage bindings, transcribed from `MidonetBackend.setupBindings` (reference §8) in its own notation:
 * `[kindA, field_a, onDeleteA, kindB, field_b, onDeleteB]`. Both fields are kept mutually consistent by the store
 * (setting one side updates the other); `onDeleteA` says what deleting an A does to the B objects it references:
 * CASCADE deletes them, CLEAR removes the back-reference, ERROR refuses the delete (409).
 *
 * Stored objects use the camelCase form of the proto field names (`port_ids` → `portIds`, `dhcpv6_ids` →
 * `dhcpv6Ids`); a field whose proto name ends in `_ids` is a list, any other is a single id (or null).
 * The bindings between Neutron-only kinds are left out: the emulator does not serve /neutron.
 */
export type DeleteAction = "CASCADE" | "CLEAR" | "ERROR";

type Declaration = readonly [string, string, DeleteAction, string, string, DeleteAction];

export const BINDING_DECLARATIONS: readonly Declaration[] = [
  ["Port", "insertion_ids", "CASCADE", "L2Insertion", "port_id", "CLEAR"],
  ["Port", "srv_insertion_ids", "CASCADE", "L2Insertion", "srv_port_id", "CLEAR"],
  ["ServiceContainer", "service_group_id", "CLEAR", "ServiceContainerGroup", "service_container_ids", "CASCADE"],
  ["Port", "service_container_id", "CASCADE", "ServiceContainer", "port_id", "CLEAR"],
  ["ServiceContainerGroup", "host_group_id", "CLEAR", "HostGroup", "service_group_ids", "CLEAR"],
  ["ServiceContainerGroup", "port_group_id", "CLEAR", "PortGroup", "service_group_ids", "CLEAR"],
  ["Network", "port_ids", "CASCADE", "Port", "network_id", "CLEAR"],
  ["Network", "dhcp_ids", "CASCADE", "Dhcp", "network_id", "CLEAR"],
  ["Network", "dhcpv6_ids", "CASCADE", "DhcpV6", "network_id", "CLEAR"],
  ["Port", "peer_id", "CLEAR", "Port", "peer_id", "CLEAR"],
  ["Port", "dhcp_id", "CLEAR", "Dhcp", "router_if_port_id", "CLEAR"],
  ["Port", "host_id", "CLEAR", "Host", "port_ids", "CLEAR"],
  ["Port", "port_group_ids", "CLEAR", "PortGroup", "port_ids", "CLEAR"],
  ["Port", "route_ids", "CASCADE", "Route", "next_hop_port_id", "CLEAR"],
  ["Network", "inbound_filter_id", "CLEAR", "Chain", "network_inbound_ids", "CLEAR"],
  ["Network", "outbound_filter_id", "CLEAR", "Chain", "network_outbound_ids", "CLEAR"],
  ["Router", "inbound_filter_id", "CLEAR", "Chain", "router_inbound_ids", "CLEAR"],
  ["Router", "outbound_filter_id", "CLEAR", "Chain", "router_outbound_ids", "CLEAR"],
  ["Router", "local_redirect_chain_id", "CLEAR", "Chain", "router_redirect_ids", "CLEAR"],
  ["Port", "inbound_filter_id", "CLEAR", "Chain", "port_inbound_ids", "CLEAR"],
  ["Port", "outbound_filter_id", "CLEAR", "Chain", "port_outbound_ids", "CLEAR"],
  ["Router", "port_ids", "CASCADE", "Port", "router_id", "CLEAR"],
  ["Router", "route_ids", "CASCADE", "Route", "router_id", "CLEAR"],
  ["Host", "tunnel_zone_ids", "CLEAR", "TunnelZone", "host_ids", "CLEAR"],
  ["Host", "host_group_ids", "CLEAR", "HostGroup", "host_ids", "CLEAR"],
  ["LoadBalancer", "pool_ids", "CASCADE", "Pool", "load_balancer_id", "CLEAR"],
  ["Pool", "pool_member_ids", "CASCADE", "PoolMember", "pool_id", "CLEAR"],
  ["Pool", "health_monitor_id", "CLEAR", "HealthMonitor", "pool_ids", "CLEAR"],
  ["Network", "inbound_mirror_ids", "CLEAR", "Mirror", "network_inbound_ids", "CLEAR"],
  ["Router", "inbound_mirror_ids", "CLEAR", "Mirror", "router_inbound_ids", "CLEAR"],
  ["Port", "inbound_mirror_ids", "CLEAR", "Mirror", "port_inbound_ids", "CLEAR"],
  ["Port", "post_in_filter_mirror_ids", "CLEAR", "Mirror", "port_post_in_filter_ids", "CLEAR"],
  ["Network", "outbound_mirror_ids", "CLEAR", "Mirror", "network_outbound_ids", "CLEAR"],
  ["Router", "outbound_mirror_ids", "CLEAR", "Mirror", "router_outbound_ids", "CLEAR"],
  ["Port", "outbound_mirror_ids", "CLEAR", "Mirror", "port_outbound_ids", "CLEAR"],
  ["Port", "pre_out_filter_mirror_ids", "CLEAR", "Mirror", "port_pre_out_filter_ids", "CLEAR"],
  ["Mirror", "to_port_id", "CLEAR", "Port", "mirror_ids", "CASCADE"],
  ["Router", "load_balancer_id", "ERROR", "LoadBalancer", "router_id", "CLEAR"],
  ["Pool", "vip_ids", "CASCADE", "Vip", "pool_id", "CLEAR"],
  ["Vip", "gateway_port_id", "CLEAR", "Port", "vip_ids", "ERROR"],
  ["Router", "bgp_network_ids", "CASCADE", "BgpNetwork", "router_id", "CLEAR"],
  ["Router", "bgp_peer_ids", "CASCADE", "BgpPeer", "router_id", "CLEAR"],
  ["Route", "gateway_dhcp_id", "CLEAR", "Dhcp", "gateway_route_ids", "CASCADE"],
  ["Rule", "chain_id", "CLEAR", "Chain", "rule_ids", "CASCADE"],
  ["Rule", "fip_port_id", "CLEAR", "Port", "fip_nat_rule_ids", "CASCADE"],
  ["Network", "trace_request_ids", "CASCADE", "TraceRequest", "network_id", "CLEAR"],
  ["Router", "trace_request_ids", "CASCADE", "TraceRequest", "router_id", "CLEAR"],
  ["Port", "trace_request_ids", "CASCADE", "TraceRequest", "port_id", "CLEAR"],
  ["RuleLogger", "chain_id", "CLEAR", "Chain", "logger_ids", "CASCADE"],
  ["RuleLogger", "logging_resource_id", "CLEAR", "LoggingResource", "logger_ids", "CASCADE"],
  ["VpnService", "router_id", "CLEAR", "Router", "vpn_service_ids", "CASCADE"],
  ["VpnService", "ipsec_site_connection_ids", "CASCADE", "IPSecSiteConnection", "vpnservice_id", "CLEAR"],
  ["IPSecSiteConnection", "route_ids", "CASCADE", "Route", "ipsec_site_connection_id", "CLEAR"],
  ["GatewayDevice", "remote_mac_entry_ids", "CASCADE", "RemoteMacEntry", "device_id", "CLEAR"],
  ["RemoteMacEntry", "port_ids", "CLEAR", "Port", "remote_mac_entry_ids", "CLEAR"],
  ["QosPolicy", "bandwidth_limit_rule_ids", "CASCADE", "QosRuleBandwidthLimit", "policy_id", "CLEAR"],
  ["QosPolicy", "dscp_marking_rule_ids", "CASCADE", "QosRuleDscp", "policy_id", "CLEAR"],
  ["Port", "qos_policy_id", "CLEAR", "QosPolicy", "port_ids", "CLEAR"],
  ["Network", "qos_policy_id", "CLEAR", "QosPolicy", "network_ids", "CLEAR"],
];

/** One end of a binding, seen from the object that holds `field`. */
export interface BindingSide {
  field: string;
  /** The proto field name, used in messages. */
  protoField: string;
  list: boolean;
  onDelete: DeleteAction;
  other: { kind: string; field: string; protoField: string; list: boolean };
}

export function camelCase(protoField: string): string {
  return protoField.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** The bindings by kind: every side whose field lives on objects of that kind. */
export function compileBindings(
  declarations: readonly Declaration[] = BINDING_DECLARATIONS,
): Map<string, BindingSide[]> {
  const byKind = new Map<string, BindingSide[]>();
  const add = (kind: string, side: BindingSide) => {
    const sides = byKind.get(kind) ?? [];
    if (!sides.some((s) => s.field === side.field)) {
      sides.push(side);
    }
    byKind.set(kind, sides);
  };
  for (const [kindA, fieldA, deleteA, kindB, fieldB, deleteB] of declarations) {
    const a = { kind: kindA, field: camelCase(fieldA), protoField: fieldA, list: fieldA.endsWith("_ids") };
    const b = { kind: kindB, field: camelCase(fieldB), protoField: fieldB, list: fieldB.endsWith("_ids") };
    add(kindA, { field: a.field, protoField: a.protoField, list: a.list, onDelete: deleteA, other: b });
    add(kindB, { field: b.field, protoField: b.protoField, list: b.list, onDelete: deleteB, other: a });
  }
  return byKind;
}
