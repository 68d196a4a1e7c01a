/**
 * Support for the property-based robustness test: the operations of the document, a seeded topology with fixed ids
 * (so that generated requests reach real handlers), a dump of the whole store over the API, request arbitraries and
 * the MidoNet error-shape check.
 */
import { request } from "node:http";
import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { defaultDocument, type OpenApiDocument, resolveRef, type Schema } from "../src/openapi/document.js";
import { listOperations, type Operation } from "../src/openapi/operations.js";
import { type TestEmulator, uuid } from "./helpers.js";

export const DOCUMENT: OpenApiDocument = defaultDocument();
export const OPERATIONS: Operation[] = listOperations(DOCUMENT);
const ERROR_TYPE = "application/vnd.org.midonet.Error-v1+json";

// ---------------------------------------------------------------------------------------------------------------
// The seeded topology: fixed ids, so that runs are reproducible from the seed alone.

export const ID = {
  host: uuid(1),
  deadHost: uuid(2),
  zone: uuid(10),
  bridge: uuid(20),
  bridge2: uuid(21),
  bridgePort: uuid(30),
  bridgePort2: uuid(31),
  bridgePort3: uuid(32),
  router: uuid(40),
  routerPort: uuid(41),
  routerPort2: uuid(42),
  chain: uuid(50),
  chain2: uuid(51),
  rule: uuid(52),
  jumpRule: uuid(53),
  route: uuid(60),
  bgpPeer: uuid(61),
  bgpNetwork: uuid(62),
  portGroup: uuid(70),
  ipAddrGroup: uuid(71),
  loadBalancer: uuid(80),
  pool: uuid(81),
  poolMember: uuid(82),
  vip: uuid(83),
  healthMonitor: uuid(84),
  mirror: uuid(90),
  qosPolicy: uuid(91),
  qosBwRule: uuid(92),
  qosDscpRule: uuid(93),
  containerGroup: uuid(94),
  container: uuid(95),
  trace: uuid(96),
} as const;

export const HOSTS = [
  {
    id: ID.host,
    name: "alive",
    interfaces: [{ name: "eth0", mac: "02:00:00:00:00:01", mtu: 1500, addresses: ["10.9.0.1"], status: 3 }],
  },
  { id: ID.deadHost, name: "dead", alive: false },
];

function findOperation(method: string, template: string): Operation {
  const op = OPERATIONS.find((o) => o.method === method && o.path === template);
  if (!op) {
    throw new Error(`no operation ${method} ${template}`);
  }
  return op;
}

/** Sends a request with the operation's own (newest) media types. */
function apiCall(emu: TestEmulator, method: string, template: string, path: string, body?: unknown) {
  const op = findOperation(method, template);
  const headers: Record<string, string> = {};
  if (op.produces[0]) {
    headers.accept = op.produces[0];
  }
  if (op.consumes[0]) {
    headers["content-type"] = op.consumes[0];
  }
  return emu.api(method, path, { headers, body });
}

/** Builds the topology: a host in a tunnel zone, bridges, routers, ports, chains and one of most other objects. */
export async function seedTopology(emu: TestEmulator): Promise<void> {
  const steps: Array<[string, string, Record<string, unknown>]> = [
    ["/tunnel_zones", "/tunnel_zones", { id: ID.zone, name: "zone", type: "gre" }],
    ["/tunnel_zones/{id}/hosts", `/tunnel_zones/${ID.zone}/hosts`, { hostId: ID.host, ipAddress: "10.1.1.1" }],
    ["/chains", "/chains", { id: ID.chain, name: "c1", tenantId: "t1" }],
    ["/chains", "/chains", { id: ID.chain2, name: "c2", tenantId: "t1" }],
    ["/chains/{id}/rules", `/chains/${ID.chain}/rules`, { id: ID.rule, type: "drop", nwProto: 6 }],
    ["/chains/{id}/rules", `/chains/${ID.chain}/rules`, { id: ID.jumpRule, type: "jump", jumpChainId: ID.chain2 }],
    ["/bridges", "/bridges", { id: ID.bridge, name: "b1", tenantId: "t1", inboundFilterId: ID.chain }],
    ["/bridges", "/bridges", { id: ID.bridge2, name: "b2", tenantId: "t2" }],
    ["/bridges/{id}/ports", `/bridges/${ID.bridge}/ports`, { id: ID.bridgePort, type: "Bridge" }],
    ["/bridges/{id}/ports", `/bridges/${ID.bridge}/ports`, { id: ID.bridgePort2, type: "Bridge" }],
    ["/bridges/{id}/ports", `/bridges/${ID.bridge2}/ports`, { id: ID.bridgePort3, type: "Bridge", vlanId: 5 }],
    ["/routers", "/routers", { id: ID.router, name: "r1", tenantId: "t1" }],
    [
      "/routers/{id}/ports",
      `/routers/${ID.router}/ports`,
      { id: ID.routerPort, type: "Router", portAddress: "10.0.0.1", networkAddress: "10.0.0.0", networkLength: 24 },
    ],
    [
      "/routers/{id}/ports",
      `/routers/${ID.router}/ports`,
      {
        id: ID.routerPort2,
        type: "Router",
        portAddress: "192.168.1.1",
        networkAddress: "192.168.1.0",
        networkLength: 24,
      },
    ],
    ["/ports/{id}/link", `/ports/${ID.routerPort2}/link`, { peerId: ID.bridgePort2 }],
    [
      "/routers/{id}/routes",
      `/routers/${ID.router}/routes`,
      {
        id: ID.route,
        type: "Normal",
        srcNetworkAddr: "0.0.0.0",
        srcNetworkLength: 0,
        dstNetworkAddr: "172.16.0.0",
        dstNetworkLength: 16,
        nextHopPort: ID.routerPort,
        nextHopGateway: "10.0.0.2",
        weight: 100,
      },
    ],
    [
      "/routers/{id}/bgp_peers",
      `/routers/${ID.router}/bgp_peers`,
      { id: ID.bgpPeer, asNumber: 65001, address: "10.0.0.2" },
    ],
    [
      "/routers/{id}/bgp_networks",
      `/routers/${ID.router}/bgp_networks`,
      { id: ID.bgpNetwork, subnetAddress: "10.0.0.0", subnetLength: 24 },
    ],
    [
      "/routers/{id}/ports/{portId}/peering_table",
      `/routers/${ID.router}/ports/${ID.routerPort}/peering_table`,
      { ip: "10.0.0.7", mac: "02:00:00:00:00:0c" },
    ],
    ["/hosts/{id}/ports", `/hosts/${ID.host}/ports`, { portId: ID.bridgePort, interfaceName: "eth0" }],
    [
      "/bridges/{id}/dhcp",
      `/bridges/${ID.bridge}/dhcp`,
      { subnetPrefix: "10.0.0.0", subnetLength: 24, defaultGateway: "10.0.0.1" },
    ],
    [
      "/bridges/{id}/dhcp/{subnetAddress}/hosts",
      `/bridges/${ID.bridge}/dhcp/10.0.0.0_24/hosts`,
      { macAddr: "02:00:00:00:00:01", ipAddr: "10.0.0.5", name: "h1" },
    ],
    ["/bridges/{id}/dhcpV6", `/bridges/${ID.bridge}/dhcpV6`, { prefix: "2001:db8:0:0:0:0:0:0", prefixLength: 64 }],
    [
      "/bridges/{id}/dhcpV6/{subnetAddress}/hostsV6",
      `/bridges/${ID.bridge}/dhcpV6/2001:db8:0:0:0:0:0:0_64/hostsV6`,
      { clientId: "00:01:aa", fixedAddress: "2001:db8::5" },
    ],
    [
      "/bridges/{id}/mac_table",
      `/bridges/${ID.bridge}/mac_table`,
      { macAddr: "02:00:00:00:00:0a", portId: ID.bridgePort },
    ],
    [
      "/bridges/{id}/vlans/{vlanId}/mac_table",
      `/bridges/${ID.bridge2}/vlans/5/mac_table`,
      { macAddr: "02:00:00:00:00:0d", portId: ID.bridgePort3 },
    ],
    ["/bridges/{id}/arp_table", `/bridges/${ID.bridge}/arp_table`, { ip: "10.0.0.9", mac: "02:00:00:00:00:0b" }],
    ["/port_groups", "/port_groups", { id: ID.portGroup, name: "pg", tenantId: "t1", stateful: true }],
    ["/port_groups/{id}/ports", `/port_groups/${ID.portGroup}/ports`, { portId: ID.bridgePort }],
    ["/ip_addr_groups", "/ip_addr_groups", { id: ID.ipAddrGroup, name: "ipg" }],
    ["/ip_addr_groups/{id}/ip_addrs", `/ip_addr_groups/${ID.ipAddrGroup}/ip_addrs`, { version: 4, addr: "10.0.0.5" }],
    ["/load_balancers", "/load_balancers", { id: ID.loadBalancer }],
    [
      "/health_monitors",
      "/health_monitors",
      { id: ID.healthMonitor, type: "TCP", delay: 5, timeout: 10, maxRetries: 3 },
    ],
    [
      "/load_balancers/{id}/pools",
      `/load_balancers/${ID.loadBalancer}/pools`,
      { id: ID.pool, lbMethod: "ROUND_ROBIN", protocol: "TCP" },
    ],
    [
      "/pools/{id}/pool_members",
      `/pools/${ID.pool}/pool_members`,
      { id: ID.poolMember, address: "10.0.0.20", protocolPort: 80 },
    ],
    [
      "/pools/{id}/vips",
      `/pools/${ID.pool}/vips`,
      { id: ID.vip, address: "10.0.0.30", protocolPort: 80, loadBalancerId: ID.loadBalancer },
    ],
    ["/mirrors", "/mirrors", { id: ID.mirror, toPortId: ID.bridgePort }],
    [
      "/qos_policies",
      "/qos_policies",
      {
        id: ID.qosPolicy,
        name: "gold",
        rules: [
          { id: ID.qosBwRule, type: "bandwidth_limit", max_kbps: 100 },
          { id: ID.qosDscpRule, type: "dscp_marking", dscp_mark: 10 },
        ],
      },
    ],
    ["/service_container_groups", "/service_container_groups", { id: ID.containerGroup, portGroupId: ID.portGroup }],
    [
      "/service_container_groups/{id}/service_containers",
      `/service_container_groups/${ID.containerGroup}/service_containers`,
      { id: ID.container, serviceType: "VPN", portId: ID.bridgePort3 },
    ],
    ["/traces", "/traces", { id: ID.trace, name: "t", deviceType: "BRIDGE", deviceId: ID.bridge, condition: {} }],
  ];
  for (const [template, path, body] of steps) {
    const res = await apiCall(emu, "POST", template, path, body);
    if (res.status !== 201) {
      throw new Error(`seed POST ${path}: ${res.status} ${res.text}`);
    }
  }
}

/** Path parameter values that name seeded objects, by parameter name (URI forms). */
const KNOWN_PARAMS: Record<string, string[]> = {
  portId: [ID.bridgePort, ID.bridgePort2, ID.bridgePort3, ID.routerPort, ID.routerPort2],
  hostId: [ID.host, ID.deadHost],
  poolId: [ID.pool],
  containerId: [ID.container],
  subnetAddress: ["10.0.0.0_24", "2001:db8:0:0:0:0:0:0_64"],
  macAddress: ["02-00-00-00-00-01", "02-00-00-00-00-0a", "02-00-00-00-00-0d"],
  ipAddress: ["10.0.0.9", "10.0.0.7"],
  clientId: ["00-01-aa"],
  vlanId: ["0", "5"],
  portName: ["eth0"],
  interfaceName: ["eth0"],
  version: ["4", "6"],
  address: ["10.0.0.5"],
};

/** Seeded ids by the first path segment of a template (the `{id}` of `/bridges/{id}/...`). */
const IDS_BY_ROOT: Record<string, string[]> = {
  bridges: [ID.bridge, ID.bridge2],
  ports: [ID.bridgePort, ID.bridgePort2, ID.bridgePort3, ID.routerPort, ID.routerPort2],
  routers: [ID.router],
  routes: [ID.route],
  bgp_peers: [ID.bgpPeer],
  bgp_networks: [ID.bgpNetwork],
  chains: [ID.chain, ID.chain2],
  rules: [ID.rule, ID.jumpRule],
  port_groups: [ID.portGroup],
  ip_addr_groups: [ID.ipAddrGroup],
  hosts: [ID.host, ID.deadHost],
  tunnel_zones: [ID.zone],
  tenants: ["t1", "t2"],
  load_balancers: [ID.loadBalancer],
  pools: [ID.pool],
  pool_members: [ID.poolMember],
  vips: [ID.vip],
  health_monitors: [ID.healthMonitor],
  mirrors: [ID.mirror],
  qos_policies: [ID.qosPolicy],
  qos_bw_limit_rules: [ID.qosBwRule],
  qos_dscp_rules: [ID.qosDscpRule],
  service_container_groups: [ID.containerGroup],
  service_containers: [ID.container],
  traces: [ID.trace],
};

const ALL_KNOWN = [...new Set([...Object.values(KNOWN_PARAMS).flat(), ...Object.values(IDS_BY_ROOT).flat()])];

// ---------------------------------------------------------------------------------------------------------------
// A dump of the store over the API: the object count (which covers every kind, the state tables included), every
// top-level collection, and the resource a request names and its parent collection (nested objects that no top-level
// collection shows).

const TOP_LEVEL = OPERATIONS.filter((o) => o.method === "GET" && /^\/[a-z_]+$/.test(o.path) && o.path !== "/login");

async function getText(emu: TestEmulator, path: string): Promise<string> {
  const res = await emu.api("GET", path, { headers: { accept: "*/*" } });
  return `${path} ${res.status} ${res.text}`;
}

/** `requestPath` is below the API root, without its query. */
export async function dumpStore(emu: TestEmulator, requestPath?: string): Promise<string> {
  const paths = TOP_LEVEL.map((op) => op.path);
  if (requestPath !== undefined) {
    const segments = requestPath.split("/").filter((s) => s !== "");
    for (let n = segments.length; n > Math.max(1, segments.length - 2); n--) {
      paths.push(`/${segments.slice(0, n).join("/")}`);
    }
  }
  const [health, ...texts] = await Promise.all([
    emu.raw("GET", "/_emulator/health"),
    ...paths.map((path) => getText(emu, path)),
  ]);
  return [`objects ${health.json?.objects}`, ...texts].join("\n");
}

// ---------------------------------------------------------------------------------------------------------------
// Where a 5xx is MidoNet's own answer: the operation (its description, parameters and request schemas, followed
// through references) says so, or the document lists the status among its responses (503).

function describedText(node: unknown, seen = new Set<string>()): string {
  if (Array.isArray(node)) {
    return node.map((n) => describedText(n, seen)).join(" ");
  }
  if (!node || typeof node !== "object") {
    return typeof node === "string" ? node : "";
  }
  let out = "";
  for (const [key, value] of Object.entries(node)) {
    if (key === "responses") {
      continue;
    }
    if (key === "$ref" && typeof value === "string") {
      if (!seen.has(value)) {
        seen.add(value);
        out += ` ${describedText(resolveRef(DOCUMENT, { $ref: value }), seen)}`;
      }
    } else {
      out += ` ${describedText(value, seen)}`;
    }
  }
  return out;
}

const DOCUMENTED_500 = new Set(
  OPERATIONS.filter((op) => {
    const item = DOCUMENT.paths[op.path] ?? {};
    const parameters = [...(item.parameters ?? []), ...(op.spec.parameters ?? [])];
    return /\b500\b/.test(describedText({ ...op.spec, parameters }));
  }).map((op) => op.operationId),
);

/** True when MidoNet itself answers this 5xx for the operation. */
export function documented5xx(op: Operation | undefined, status: number): boolean {
  if (!op) {
    return false;
  }
  const documented = DOCUMENTED_500.has(op.operationId);
  if (status === 500 && documented) {
    return true;
  }
  return Object.keys(op.spec.responses ?? {}).includes(String(status));
}

// ---------------------------------------------------------------------------------------------------------------
// Requests and their arbitraries.

export interface GeneratedRequest {
  operationId: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** A short description of the body, for failure reports. */
  bodyKind: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request on a fresh connection-pool socket; rejects when there is no complete answer within `timeoutMs`. */
export function send(origin: string, req: GeneratedRequest, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers };
    if (req.body !== undefined) {
      headers["content-length"] = String(req.body.length);
    }
    const { hostname, port } = new URL(origin);
    // The path goes out as generated: no URL normalization of dot segments or escapes.
    const outgoing = request({ hostname, port, path: req.path, method: req.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    outgoing.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(req.body);
  });
}

/** The decoded body text of an answer (gunzipped when the server compressed it). */
export function answerText(answer: Answer): string {
  const gzip = String(answer.headers["content-encoding"] ?? "").toLowerCase() === "gzip";
  return (gzip ? gunzipSync(answer.body) : answer.body).toString("utf8");
}

/** Problems with an error answer's shape (MidoNet's ErrorEntity / ValidationErrorEntity), empty when it is fine. */
export function errorShapeProblems(answer: Answer, method: string): string[] {
  const problems: string[] = [];
  if (answer.status < 400 || answer.status > 599) {
    return problems;
  }
  const text = answerText(answer);
  const type = String(answer.headers["content-type"] ?? "");
  if (text === "") {
    if (type !== "") {
      problems.push(`empty error body with content type ${type}`);
    }
    return problems;
  }
  if (method === "HEAD") {
    problems.push("a HEAD answer with a body");
    return problems;
  }
  if (type.split(";")[0]!.trim().toLowerCase() !== ERROR_TYPE.toLowerCase()) {
    problems.push(`content type ${type || "(none)"}, not ${ERROR_TYPE}`);
  }
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    problems.push(`error body is not JSON: ${text.slice(0, 200)}`);
    return problems;
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    problems.push(`error body is not an object: ${text.slice(0, 200)}`);
    return problems;
  }
  const allowed = answer.status === 400 ? ["message", "code", "violations"] : ["message", "code"];
  const extra = Object.keys(json).filter((key) => !allowed.includes(key));
  if (extra.length > 0) {
    problems.push(`unexpected fields ${extra.join(", ")}`);
  }
  if (!("message" in json) || !(json.message === null || typeof json.message === "string")) {
    problems.push(`message is ${JSON.stringify(json.message)}`);
  }
  if (json.code !== answer.status) {
    problems.push(`code ${JSON.stringify(json.code)} is not the status ${answer.status}`);
  }
  if ("violations" in json) {
    const ok =
      Array.isArray(json.violations) &&
      json.violations.every(
        (v: any) => v && typeof v.property === "string" && typeof v.message === "string" && Object.keys(v).length === 2,
      );
    if (!ok) {
      problems.push(`malformed violations ${JSON.stringify(json.violations).slice(0, 200)}`);
    }
  }
  return problems;
}

// --- arbitraries ---

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes every byte of the UTF-8 text that is not unreserved (lone surrogates become U+FFFD). */
export function encodeSegment(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);

/** Segments that are already raw URI text: percent-encoded junk, dots, separators. */
const RAW_JUNK = [
  "%",
  "%%",
  "%zz",
  "%4",
  "%C0%AF",
  "%FF%FE",
  "%ED%A0%80",
  "%00",
  "%2F",
  "%2f..%2f",
  "..",
  ".",
  "%2e%2e",
  "%20",
  "_",
  "__",
  "-",
  "0",
  "-1",
  "4294967296",
  "99999999999999999999",
  "1e3",
  "null",
  "undefined",
  "%7B%7D",
  "%5B%5D",
  "1-2-3-4-5",
  "ffffffff-ffff-ffff-ffff-ffffffffffffff",
  "g0000000-0000-4000-8000-000000000001",
  "00000000-0000-4000-8000-00000000001",
  "10.0.0.0_33",
  "10.0.0.0_-1",
  "300.0.0.0_24",
  "10.0.0.0_",
  "_24",
  "::_64",
  "2001:db8::_129",
  "zz-00-00-00-00-01",
  "02-00-00-00-00",
  "02:00:00:00:00:01",
  "02-00-00-00-00-01-02",
  "10.0.0.9_02-00-00-00-00-0b",
];

function paramArbitrary(op: Operation, name: string): fc.Arbitrary<string> {
  const root = op.path.split("/")[1] ?? "";
  const known = name === "id" ? (IDS_BY_ROOT[root] ?? ALL_KNOWN) : (KNOWN_PARAMS[name] ?? ALL_KNOWN);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.constantFrom(...ALL_KNOWN) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_JUNK) },
    { weight: 1, arbitrary: anyText.map(encodeSegment) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...ALL_KNOWN, ...RAW_JUNK),
          fc.constantFrom("_", "-", "%5F", "__", ":"),
          fc.constantFrom(...ALL_KNOWN, ...RAW_JUNK),
        )
        .map(([a, sep, b]) => `${a}${sep}${b}`),
    },
  );
}

/** The path below the API root for an operation's template, every parameter filled. */
/** Parameters that name one seeded object together, by template prefix (the first that matches). */
const COHERENT: Array<[string, Record<string, string>]> = [
  ["/bridges/{id}/dhcp/", { id: ID.bridge, subnetAddress: "10.0.0.0_24", macAddress: "02-00-00-00-00-01" }],
  ["/bridges/{id}/dhcpV6/", { id: ID.bridge, subnetAddress: "2001:db8:0:0:0:0:0:0_64", clientId: "00-01-aa" }],
  ["/bridges/{id}/mac_table/", { id: ID.bridge, macAddress: "02-00-00-00-00-0a", portId: ID.bridgePort }],
  ["/bridges/{id}/vlans/", { id: ID.bridge2, vlanId: "5", macAddress: "02-00-00-00-00-0d", portId: ID.bridgePort3 }],
  ["/bridges/{id}/arp_table/", { id: ID.bridge, ipAddress: "10.0.0.9", macAddress: "02-00-00-00-00-0b" }],
  ["/bridges/{id}/ports/", { id: ID.bridge, portId: ID.bridgePort, portName: "eth0", vlanId: "0" }],
  [
    "/routers/{id}/ports/",
    { id: ID.router, portId: ID.routerPort, ipAddress: "10.0.0.7", macAddress: "02-00-00-00-00-0c" },
  ],
  ["/port_groups/{id}/ports/", { id: ID.portGroup, portId: ID.bridgePort }],
  ["/ip_addr_groups/{id}/versions/", { id: ID.ipAddrGroup, version: "4", address: "10.0.0.5" }],
  ["/hosts/{id}/", { id: ID.host, interfaceName: "eth0", portId: ID.bridgePort }],
  ["/tunnel_zones/{id}/hosts/", { id: ID.zone, hostId: ID.host }],
  ["/load_balancers/{id}/pools/", { id: ID.loadBalancer, poolId: ID.pool }],
  ["/service_container_groups/{id}/", { id: ID.containerGroup, containerId: ID.container }],
];

function pathArbitrary(op: Operation): fc.Arbitrary<{ path: string; lastParam: string | undefined }> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) {
    return fc
      .constantFrom(op.path, `${op.path}/`.replace(/\/\/$/, "/"))
      .map((path) => ({ path, lastParam: undefined }));
  }
  const coherent = COHERENT.find(([prefix]) => op.path.startsWith(prefix))?.[1];
  const params = names.map((name) => {
    const value = coherent?.[name];
    const independent = paramArbitrary(op, name);
    return value === undefined ? independent : fc.oneof(fc.constant(value), independent);
  });
  return fc.tuple(...params, fc.boolean()).map((values) => {
    let index = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => values[index++] as string);
    return { path: values[names.length] ? `${path}/` : path, lastParam: values[names.length - 1] as string };
  });
}

const QUERY_NAMES = [
  "tenant_id",
  "port_id",
  "hm_id",
  "device_id",
  "port",
  "srv_port",
  "vtep_id",
  "bridge_id",
  "router_id",
  "x",
];

const queryArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.oneof(fc.constantFrom(...QUERY_NAMES), anyText.map(encodeSegment)),
          fc.oneof(fc.constantFrom(...ALL_KNOWN, ...RAW_JUNK, ""), fc.uuid(), anyText.map(encodeSegment)),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}`),
  },
  { weight: 1, arbitrary: fc.constantFrom("?", "?&&", "?=", "?==&=", "?%", "?a=%zz", "?tenant_id", "?port_id=%00") },
);

const ALL_MEDIA_TYPES = [...new Set(OPERATIONS.flatMap((o) => [...o.produces, ...o.consumes]))];

/** Header-safe garbage: printable ASCII. */
const headerGarbage = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 60,
});

const WRONG_TYPES = [
  "application/vnd.org.midonet.Bridge-v99+json",
  "application/vnd.org.midonet.Nothing-v1+json",
  "application/vnd.org.midonet.collection.Bridge-v4+json",
  "application/xml",
  "text/plain",
  "text/html; charset=utf-8",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/*",
  "*/*",
  "*/*;q=0",
  "application/json;q=0",
  "application/json; charset=utf-8",
  "application/json;q=abc",
  "application/json, text/plain;q=0.1",
  "application",
  "/",
  "*",
  ";",
  ",,,",
  "application/json;;;;",
  "vnd.org.midonet.Bridge-v4+json",
];

function mediaTypeArbitrary(own: string[]): fc.Arbitrary<string | undefined> {
  const arbitraries: Array<fc.WeightedArbitrary<string | undefined>> = [
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_MEDIA_TYPES) },
    { weight: 1, arbitrary: fc.constantFrom(...WRONG_TYPES) },
    { weight: 1, arbitrary: headerGarbage },
  ];
  if (own.length > 0) {
    arbitraries.push({ weight: 16, arbitrary: fc.constantFrom(...own) });
  }
  return fc.oneof(...arbitraries);
}

// --- bodies ---

function schemaProperties(
  schema: Schema | undefined,
  into: Record<string, Schema> = {},
  depth = 0,
): Record<string, Schema> {
  const resolved = schema ? resolveRef<Schema>(DOCUMENT, schema) : undefined;
  if (!resolved || depth > 8) {
    return into;
  }
  for (const part of [...(resolved.allOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])] as Schema[]) {
    schemaProperties(part, into, depth + 1);
  }
  Object.assign(into, resolved.properties ?? {});
  return into;
}

function discriminatorValues(schema: Schema | undefined): string[] {
  const resolved = schema ? resolveRef<Schema>(DOCUMENT, schema) : undefined;
  const values = new Set<string>();
  const discriminator = resolved?.discriminator;
  if (discriminator) {
    for (const key of Object.keys(discriminator.mapping ?? {})) {
      values.add(key);
    }
    for (const option of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])] as Schema[]) {
      const name = /([^/]+)$/.exec(option.$ref ?? "")?.[1];
      if (name) {
        values.add(name);
      }
    }
  }
  return [...values];
}

const IPV4 = ["10.0.0.1", "10.0.0.5", "10.0.0.0", "192.168.1.1", "0.0.0.0", "255.255.255.255", "10.0.0.256", "1.2.3"];
const MACS = ["02:00:00:00:00:01", "02:00:00:00:00:0a", "aa:bb:cc:dd:ee:ff", "zz:00:00:00:00:00", "02-00-00-00-00-01"];

/** A value for a property schema: mostly well-typed (often a seeded id), sometimes of the wrong type. */
function valueArbitrary(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const resolved = resolveRef<Schema>(DOCUMENT, schema) ?? {};
  const types = ([] as string[]).concat(resolved.type ?? []).filter((t) => t !== "null");
  const options: Array<fc.WeightedArbitrary<unknown>> = [
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constant(null) },
  ];
  if (Array.isArray(resolved.enum)) {
    options.push({ weight: 6, arbitrary: fc.constantFrom(...resolved.enum) });
  }
  const format = resolved.format ?? resolved.items?.format;
  switch (types[0]) {
    case "string":
      if (format === "uuid") {
        options.push({ weight: 6, arbitrary: fc.oneof(fc.constantFrom(...ALL_KNOWN), fc.uuid()) });
      } else if (/ip|addr|cidr/i.test(String(format ?? ""))) {
        options.push({ weight: 6, arbitrary: fc.constantFrom(...IPV4, "2001:db8::1", "10.0.0.0/24", "fe80::/64") });
      } else if (format === "mac") {
        options.push({ weight: 6, arbitrary: fc.constantFrom(...MACS) });
      } else {
        options.push({
          weight: 4,
          arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom(...IPV4, ...MACS, ...ALL_KNOWN)),
        });
      }
      break;
    case "integer":
    case "number":
      options.push({
        weight: 4,
        arbitrary: fc.oneof(
          fc.integer({ min: -2, max: 70000 }),
          fc.constantFrom(0, 1, 24, 32, 65535, 2 ** 31, -(2 ** 31) - 1, 2 ** 63, 1.5, Number.MAX_SAFE_INTEGER),
          fc.constantFrom("1", "24", "x", "", "1e400"),
        ),
      });
      break;
    case "boolean":
      options.push({ weight: 4, arbitrary: fc.constantFrom(true, false, "true", "no", 0, 1) });
      break;
    case "array":
      if (depth < 2) {
        options.push({
          weight: 4,
          arbitrary: fc.array(valueArbitrary(resolved.items ?? {}, depth + 1), { maxLength: 3 }),
        });
      }
      break;
    case "object":
      if (depth < 2) {
        options.push({ weight: 4, arbitrary: objectArbitrary(resolved, depth + 1) });
      }
      break;
  }
  return fc.oneof(...options);
}

function objectArbitrary(schema: Schema | undefined, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = schemaProperties(schema);
  const names = Object.keys(properties);
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) {
    shape[name] = valueArbitrary(properties[name]!, depth);
  }
  const discriminator = depth === 0 ? discriminatorValues(schema) : [];
  const base = names.length > 0 ? fc.record(shape, { requiredKeys: [] }) : fc.constant({});
  if (discriminator.length === 0) {
    return base;
  }
  const property = (resolveRef<Schema>(DOCUMENT, schema!) as Schema).discriminator.propertyName as string;
  return fc
    .tuple(base, fc.option(fc.constantFrom(...discriminator, "Nope", ""), { freq: 6 }))
    .map(([object, type]) => (type === null ? object : { ...object, [property]: type }));
}

/** Valid bodies by request schema name (no `id`: they create new objects), the start of mutated bodies. */
const TEMPLATES: Record<string, Array<Record<string, unknown>>> = {
  Bridge: [
    { name: "nb", tenantId: "t1" },
    { name: "nb2", inboundFilterId: ID.chain, adminStateUp: false },
  ],
  BridgePortInput: [{ type: "Bridge" }, { type: "Bridge", vlanId: 7, inboundFilterId: ID.chain2 }],
  DhcpSubnet: [
    { subnetPrefix: "10.0.0.0", subnetLength: 24, defaultGateway: "10.0.0.1" },
    {
      subnetPrefix: "10.5.0.0",
      subnetLength: 16,
      dnsServerAddrs: ["8.8.8.8"],
      opt121Routes: [{ destinationPrefix: "10.6.0.0", destinationLength: 16, gatewayAddr: "10.5.0.1" }],
    },
  ],
  DhcpHost: [
    { macAddr: "02:00:00:00:00:02", ipAddr: "10.0.0.6", name: "h2" },
    { macAddr: "02:00:00:00:00:01", ipAddr: "10.0.0.5" },
  ],
  DhcpSubnet6: [{ prefix: "2001:db8:1:0:0:0:0:0", prefixLength: 64 }],
  DhcpV6Host: [{ clientId: "00:01:bb", fixedAddress: "2001:db8::6", name: "x" }],
  MacPort: [
    { macAddr: "02:00:00:00:00:0e", portId: ID.bridgePort },
    { macAddr: "02:00:00:00:00:0a", portId: ID.bridgePort },
    { macAddr: "02:00:00:00:00:0f", portId: ID.bridgePort3, vlanId: 5 },
  ],
  Ip4MacPair: [
    { ip: "10.0.0.10", mac: "02:00:00:00:00:10" },
    { ip: "10.0.0.9", mac: "02:00:00:00:00:0b" },
  ],
  Port: [
    { type: "Bridge" },
    { type: "Router", portAddress: "10.0.0.1", networkAddress: "10.0.0.0", networkLength: 24 },
  ],
  PortLink: [{ peerId: ID.bridgePort }, { peerId: ID.routerPort }, { peerId: ID.bridgePort3 }],
  Router: [
    { name: "nr", tenantId: "t1" },
    { name: "nr2", inboundFilterId: ID.chain2, loadBalancerId: ID.loadBalancer },
  ],
  RouterPortInput: [
    { type: "Router", portAddress: "10.3.0.1", networkAddress: "10.3.0.0", networkLength: 24 },
    { type: "Router", portSubnet: ["10.4.0.1/24", "2001:db8:4::1/64"] },
  ],
  MacIpPair: [{ ip: "10.0.0.8", mac: "02:00:00:00:00:0f" }],
  Route: [
    {
      type: "Normal",
      srcNetworkAddr: "0.0.0.0",
      srcNetworkLength: 0,
      dstNetworkAddr: "172.17.0.0",
      dstNetworkLength: 16,
      nextHopPort: ID.routerPort,
      weight: 10,
    },
    { type: "BlackHole", srcNetworkAddr: "0.0.0.0", dstNetworkAddr: "172.18.0.0", dstNetworkLength: 16 },
  ],
  BgpNetwork: [{ subnetAddress: "10.7.0.0", subnetLength: 16 }],
  BgpPeer: [{ asNumber: 65002, address: "10.0.0.3" }],
  Chain: [{ name: "nc", tenantId: "t1" }],
  Rule: [
    { type: "accept" },
    { type: "jump", jumpChainId: ID.chain2 },
    { type: "drop", nwSrcAddress: "10.0.0.0", nwSrcLength: 8, tpDst: { start: 80, end: 80 }, position: 1 },
    {
      type: "dnat",
      flowAction: "accept",
      natTargets: [{ addressFrom: "1.1.1.1", addressTo: "1.1.1.2", portFrom: 80, portTo: 81 }],
    },
  ],
  PortGroup: [{ name: "npg", tenantId: "t1" }],
  PortGroupPort: [{ portId: ID.bridgePort2 }],
  IpAddrGroup: [{ name: "nipg" }],
  IpAddrGroupAddr: [
    { version: 4, addr: "10.0.0.6" },
    { version: 6, addr: "fe80::1" },
  ],
  Host: [
    { name: "nh" },
    { floodingProxyWeight: 1, containerWeight: 1, containerLimit: 1, enforceContainerLimit: false },
  ],
  HostInterfacePort: [{ portId: ID.bridgePort2, interfaceName: "eth1" }],
  TunnelZone: [{ name: "nz", type: "vxlan" }],
  TunnelZoneHost: [{ hostId: ID.deadHost, ipAddress: "10.1.1.2" }],
  LoadBalancer: [{}, { adminStateUp: false }],
  Pool: [
    { lbMethod: "ROUND_ROBIN", protocol: "TCP", loadBalancerId: ID.loadBalancer },
    { lbMethod: "ROUND_ROBIN", healthMonitorId: ID.healthMonitor, loadBalancerId: ID.loadBalancer },
  ],
  PoolMember: [{ address: "10.0.0.21", protocolPort: 81, poolId: ID.pool }],
  Vip: [{ address: "10.0.0.31", protocolPort: 81, poolId: ID.pool, loadBalancerId: ID.loadBalancer }],
  HealthMonitor: [{ type: "TCP", delay: 5, timeout: 10, maxRetries: 3 }],
  Mirror: [{ toPortId: ID.bridgePort2 }],
  L2Insertion: [{ portId: ID.bridgePort, srvPortId: ID.bridgePort2, mac: "aa:bb:cc:dd:ee:01", vlan: 2 }],
  ServiceContainerGroup: [{}, { portGroupId: ID.portGroup }],
  ServiceContainer: [{ serviceType: "VPN" }, { serviceType: "VPN", portId: ID.bridgePort2 }],
  QosPolicy: [{ name: "np", rules: [{ type: "bandwidth_limit", max_kbps: 10 }] }],
  QosRuleBandwidthLimit: [{ maxKbps: 10, maxBurstKb: 1 }],
  QosRuleDscp: [{ dscpMark: 3 }],
  TraceRequest: [{ name: "nt", deviceType: "ROUTER", deviceId: ID.router, condition: {} }],
  Vtep: [{ managementIp: "10.9.9.9", managementPort: 6632, tunnelZoneId: ID.zone }],
  VtepBinding: [{ portName: "eth0", vlanId: 0, networkId: ID.bridge }],
};

function templatesOf(op: Operation): Array<Record<string, unknown>> {
  const schema = op.requestSchema;
  const ref = schema?.$ref ?? (schema?.allOf as Schema[] | undefined)?.find((part) => part.$ref)?.$ref;
  const name = /([^/]+)$/.exec(String(ref ?? ""))?.[1];
  return (name && TEMPLATES[name]) || [{}];
}

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 1 }),
  fc.constantFrom(...ALL_KNOWN, ...IPV4, ...MACS, -1, 0, 65_536, 2 ** 31, "", true, "10.0.0.0/24", [], {}),
);

/** The paths of every value inside a JSON value (object keys and array indexes), the value itself excluded. */
function innerPaths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => [[...prefix, i], ...innerPaths(item, [...prefix, i])]);
  }
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...innerPaths(item, [...prefix, key])]);
  }
  return [];
}

type Mutation = { kind: "drop" | "null" | "set"; key: string; nested: number; value: unknown };

function mutate(body: Record<string, unknown>, m: Mutation): void {
  // A top-level key (possibly a new one) or, for "nested", any value inside the body.
  const paths = innerPaths(body).filter((path) => path.length > 1);
  const path = m.nested >= 0 && paths.length > 0 ? paths[m.nested % paths.length]! : [m.key];
  let parent: any = body;
  for (const segment of path.slice(0, -1)) {
    parent = parent[segment];
  }
  const last = path[path.length - 1]!;
  if (m.kind === "drop") {
    if (Array.isArray(parent)) {
      parent.splice(Number(last), 1);
    } else {
      delete parent[last];
    }
  } else {
    parent[last] = m.kind === "null" ? null : m.value;
  }
}

/**
 * A valid body, then up to two mutations (a value dropped, set to null or to another value, at the top level or
 * inside nested objects and lists); sometimes an `id`.
 */
function templateArbitrary(op: Operation): fc.Arbitrary<Record<string, unknown>> {
  const templates = templatesOf(op);
  const keys = [...new Set([...templates.flatMap(Object.keys), ...Object.keys(schemaProperties(op.requestSchema))])];
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom("drop" as const, "null" as const, "set" as const, "set" as const),
    key: fc.constantFrom(...keys, "id"),
    nested: fc.oneof({ weight: 3, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(50) }),
    value: anyValue,
  });
  return fc
    .tuple(
      fc.constantFrom(...templates),
      fc.array(mutation, { maxLength: 2 }),
      fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...ALL_KNOWN) }),
    )
    .map(([template, mutations, id]) => {
      const body: Record<string, unknown> = structuredClone(template);
      if (id !== null) {
        body.id = id;
      }
      for (const m of mutations) {
        mutate(body, m);
      }
      return body;
    });
}

function deepNesting(depth: number, kind: "array" | "object"): string {
  return kind === "array"
    ? `${"[".repeat(depth)}${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

interface Body {
  kind: string;
  bytes: Buffer | undefined;
  /** The object of a template body, so that a PUT can name the object of its path. */
  json?: Record<string, unknown>;
  contentEncoding?: string;
}

const text = (kind: string, value: string): Body => ({ kind, bytes: Buffer.from(value, "utf8") });

function bodyArbitrary(op: Operation): fc.Arbitrary<Body> {
  const shaped = objectArbitrary(op.requestSchema);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Body>({ kind: "none", bytes: undefined }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => text("json value", JSON.stringify(v) ?? "null")) },
    {
      weight: 12,
      arbitrary: templateArbitrary(op).map((v): Body => ({ ...text("template", JSON.stringify(v)), json: v })),
    },
    { weight: 4, arbitrary: shaped.map((v) => text("schema-shaped", JSON.stringify(v))) },
    {
      weight: 2,
      arbitrary: fc.tuple(shaped, fc.nat()).map(([v, cut]) => {
        const json = JSON.stringify(v);
        return text("truncated", json.slice(0, json.length === 0 ? 0 : cut % json.length));
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...Object.keys(schemaProperties(op.requestSchema)), "name", "x"),
          fc.constantFrom(1000, 65_536, 300_000, 1024 * 1024 + 1),
          fc.constantFrom("x", "9", ".", "é", ":", "0"),
        )
        .map(([name, length, char]) => text(`huge string ${length}`, JSON.stringify({ [name]: char.repeat(length) }))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(100, 1_000, 10_000, 100_000),
          fc.constantFrom("array" as const, "object" as const),
          fc.constantFrom(...Object.keys(schemaProperties(op.requestSchema)), "x"),
        )
        .map(([depth, kind, name]) => text(`deep ${kind} ${depth}`, `{"${name}":${deepNesting(depth, kind)}}`)),
    },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ kind: "bytes", bytes: Buffer.from(bytes) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          shaped,
          fc.constantFrom(Buffer.from([0xff, 0xfe]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80])),
        )
        .map(([v, junk]) => {
          const json = JSON.stringify({ ...v, name: "@" });
          const [head, tail] = json.split("@") as [string, string];
          return {
            kind: "invalid utf-8 in a string",
            bytes: Buffer.concat([Buffer.from(head), junk, Buffer.from(tail)]),
          };
        }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        shaped.map((v) => ({ kind: "gzip", bytes: gzipSync(JSON.stringify(v)), contentEncoding: "gzip" })),
        fc
          .uint8Array({ maxLength: 32 })
          .map((b) => ({ kind: "bad gzip", bytes: Buffer.from(b), contentEncoding: "gzip" })),
        shaped.map((v) => ({ kind: "unknown encoding", bytes: Buffer.from(JSON.stringify(v)), contentEncoding: "br" })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        text("whitespace", "   \n"),
        text("NaN", "NaN"),
        text("duplicate keys", '{"id":"a","id":"b"}'),
        text("__proto__", '{"__proto__":{"x":1},"constructor":{"prototype":{"y":2}}}'),
        text("big number", '{"id":1e400,"name":123456789012345678901234567890}'),
        text("BOM", '\ufeff{"name":"bom"}'),
        text("trailing garbage", '{"name":"x"} trailing'),
      ),
    },
  );
}

const METHODS = ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];

const NO_BODY: Body = { kind: "none", bytes: undefined };

/** Requests for one operation: mostly its own method and media types, sometimes another method or wrong types. */
export function requestArbitrary(op: Operation, rootPath: string): fc.Arbitrary<GeneratedRequest> {
  const body =
    op.consumes.length > 0
      ? bodyArbitrary(op)
      : fc.oneof({ weight: 4, arbitrary: fc.constant(NO_BODY) }, { weight: 1, arbitrary: bodyArbitrary(op) });
  return fc
    .record({
      method: fc.oneof(
        { weight: 12, arbitrary: fc.constant(op.method) },
        { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
      ),
      target: pathArbitrary(op),
      query: queryArbitrary,
      accept: mediaTypeArbitrary(op.produces),
      contentType: mediaTypeArbitrary(op.consumes),
      body,
      gzipAnswer: fc.boolean(),
      pathIdInBody: fc.boolean(),
    })
    .map(({ method, target, query, accept, contentType, body, gzipAnswer, pathIdInBody }): GeneratedRequest => {
      let bytes = body.bytes;
      // A PUT often names the object of its path in the body, as clients that GET, edit and PUT back do.
      if (body.json && op.method === "PUT" && pathIdInBody && target.lastParam !== undefined) {
        bytes = Buffer.from(JSON.stringify({ ...body.json, id: safeDecode(target.lastParam) }));
      }
      const headers: Record<string, string> = {};
      if (accept !== undefined) {
        headers.accept = accept;
      }
      if (contentType !== undefined) {
        headers["content-type"] = contentType;
      }
      if (body.contentEncoding) {
        headers["content-encoding"] = body.contentEncoding;
      }
      if (gzipAnswer) {
        headers["accept-encoding"] = "gzip";
      }
      return {
        operationId: op.operationId,
        method,
        path: `${rootPath}${target.path}${query}`,
        headers,
        body: bytes,
        bodyKind: body.kind,
      };
    });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A readable one-line description of a request, for failure reports. */
export function describeRequest(req: GeneratedRequest): string {
  const body =
    req.body === undefined
      ? ""
      : ` body(${req.bodyKind}, ${req.body.length} B): ${req.body.subarray(0, 160).toString("utf8")}`;
  return `${req.method} ${req.path} ${JSON.stringify(req.headers)}${body}`;
}
