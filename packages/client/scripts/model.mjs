// Derives the operation table and the resource tree of @midonet/client from an OpenAPI 3.1 document.
// Pure functions over the parsed document: no I/O, so the naming rules can be tested on small fixture documents.

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
/** Names the client itself uses at its top level; a resource with one of these names is left to `client.request`. */
export const RESERVED_TOP_LEVEL = new Set(["request", "login", "logout", "toString", "then", "constructor"]);
const RESERVED_METHODS = new Set(["list", "get", "create", "update", "delete", "ensure", "deleteIfExists"]);

/** `port_groups` -> `portGroups`, `dhcpV6` stays, `l2insertions` stays. */
export function camel(name) {
  return name.replace(/[-_]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase());
}

function pascal(name) {
  const c = camel(name);
  return c.charAt(0).toUpperCase() + c.slice(1);
}

/** English plural -> singular for the collection names MidoNet uses (bridges, policies, addresses). */
export function singular(name) {
  if (/ies$/.test(name)) {
    return name.replace(/ies$/, "y");
  }
  if (/(ss|x|ch|sh)es$/.test(name)) {
    return name.replace(/es$/, "");
  }
  if (/[^s]s$/.test(name)) {
    return name.slice(0, -1);
  }
  return name;
}

function resolve(doc, value) {
  let v = value;
  const seen = new Set();
  while (v && typeof v === "object" && typeof v.$ref === "string") {
    if (seen.has(v.$ref)) {
      throw new Error(`circular $ref ${v.$ref}`);
    }
    seen.add(v.$ref);
    if (!v.$ref.startsWith("#/")) {
      throw new Error(`only local $refs are supported, got ${v.$ref}`);
    }
    v = v.$ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((node, key) => node?.[key], doc);
    if (v === undefined) {
      throw new Error(`unresolved $ref ${[...seen].pop()}`);
    }
  }
  return v;
}

/** Every property name a schema may carry, through $ref, allOf, oneOf and anyOf. */
function propertyNames(doc, schema, out = new Set(), depth = 0) {
  const s = resolve(doc, schema);
  if (!s || typeof s !== "object" || depth > 20) {
    return out;
  }
  for (const key of Object.keys(s.properties ?? {})) {
    out.add(key);
  }
  for (const part of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])]) {
    propertyNames(doc, part, out, depth + 1);
  }
  return out;
}

/** The `$ref`s a schema stands for: itself and, for a oneOf/anyOf, its members. */
function schemaRefs(doc, schema) {
  if (!schema) {
    return [];
  }
  const refs = schema.$ref ? [schema.$ref] : [];
  const s = resolve(doc, schema);
  for (const part of [...(s?.oneOf ?? []), ...(s?.anyOf ?? [])]) {
    if (part.$ref) {
      refs.push(part.$ref);
    }
  }
  return refs;
}

function isArraySchema(doc, schema) {
  const s = resolve(doc, schema);
  if (!s) {
    return false;
  }
  return s.type === "array" || (Array.isArray(s.type) && s.type.includes("array"));
}

const isParamSegment = (segment) => segment.includes("{");
const paramsOf = (segment) => [...segment.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);

function readOperation(doc, path, method, item, op) {
  const params = new Map();
  for (const p of [...(item.parameters ?? []), ...(op.parameters ?? [])].map((x) => resolve(doc, x))) {
    params.set(`${p.in}:${p.name}`, p);
  }
  const query = [...params.values()]
    .filter((p) => p.in === "query")
    .map((p) => ({ name: p.name, key: camel(p.name), required: p.required === true }));
  const requestBody = resolve(doc, op.requestBody);
  const requestTypes = Object.keys(requestBody?.content ?? {});
  const requestSchema = requestTypes.length ? requestBody.content[requestTypes[0]].schema : undefined;
  const statuses = Object.keys(op.responses ?? {})
    .filter((s) => /^2\d\d$/.test(s))
    .sort();
  const status = statuses.length ? Number(statuses[0]) : 200;
  const response = resolve(doc, op.responses?.[String(status)]);
  const responseTypes = Object.keys(response?.content ?? {});
  const responseSchema = responseTypes.length ? response.content[responseTypes[0]].schema : undefined;
  return {
    key: `${method} ${path}`,
    operationId: op.operationId ?? null,
    method: method.toUpperCase(),
    lower: method,
    path,
    summary: op.summary ?? null,
    pathParams: paramsOf(path),
    query,
    contentType: requestTypes[0] ?? null,
    accept: responseTypes[0] ?? null,
    status,
    hasResponseBody: responseTypes.length > 0,
    responseIsArray: isArraySchema(doc, responseSchema),
    requestSchema,
    responseSchema,
    action: op["x-sdk-action"] ?? null,
    ignored: op["x-sdk-ignore"] === true || item["x-sdk-ignore"] === true,
  };
}

/** Reads every operation of the document, in document order. */
export function readOperations(doc) {
  const ops = [];
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = resolve(doc, rawItem);
    for (const method of METHODS) {
      if (item[method]) {
        ops.push(readOperation(doc, path, method, item, item[method]));
      }
    }
  }
  return ops;
}

function newNode(segments, segment) {
  return {
    segments,
    segment,
    name: segment === "" ? "root" : camel(segment),
    nameFrom: "derived",
    /** Params a caller passes to reach this node from its parent (the parent's item params). */
    accessor: [],
    methods: new Map(),
    children: new Map(),
    paths: [],
    itemGet: null,
    create: null,
    ops: [],
  };
}

function addMethod(node, name, spec, warnings) {
  if (node.methods.has(name)) {
    warnings.push(
      `${spec.op}: ${name}() already defined on /${node.segments.join("/")} by ${node.methods.get(name).op}`,
    );
    return;
  }
  node.methods.set(name, spec);
}

/**
 * Builds the resource tree. Rules (derived from the paths):
 * - a path ending in a literal segment is a collection: GET -> list(query) (or get() when the answer is not an array),
 *   POST -> create(body), PUT -> update(body), DELETE -> delete();
 * - a path ending in parameter segments is an item of the collection before them: GET/PUT/DELETE -> get/update/delete
 *   with the item params in path order (`{macAddress}_{portId}` -> get(macAddress, portId));
 * - a collection below an item is a function of that item's params on the parent resource (`bridges.ports(bridgeId)`);
 * - `x-sdk-name` on a path item renames the resource; `x-sdk-action` on an operation turns it into a method of the
 *   parent resource (`x-sdk-action: link` on POST /ports/{id}/link -> `ports.link(portId, body)`; with
 *   `{name: link, bodyArg: peerId}` the body is built from one positional value: `ports.link(portId, peerId)`);
 * - `x-sdk-ignore: true` leaves an operation to `client.request`.
 */
export function buildModel(doc) {
  const warnings = [];
  const operations = readOperations(doc);
  const root = newNode([], "");
  root.name = "";
  const nodes = new Map([["", root]]);

  const nodeFor = (segments) => {
    const key = segments.join("/");
    const existing = nodes.get(key);
    if (existing) {
      return existing;
    }
    const last = segments.length - 1;
    let cut = last;
    while (cut > 0 && isParamSegment(segments[cut - 1])) {
      cut--;
    }
    const parent = nodeFor(segments.slice(0, cut));
    const node = newNode(segments, segments[last]);
    node.accessor = segments.slice(cut, last).flatMap(paramsOf);
    node.parent = parent;
    nodes.set(key, node);
    parent.children.set(key, node);
    return node;
  };

  // `GET /` (the Application) becomes `client.root.get()`.
  const rootResource = () => {
    let node = nodes.get("/");
    if (!node) {
      node = newNode([], "");
      node.parent = root;
      nodes.set("/", node);
      root.children.set("/", node);
    }
    return node;
  };

  for (const op of operations) {
    if (op.ignored) {
      continue;
    }
    const segments = op.path.split("/").filter(Boolean);
    let cut = segments.length;
    while (cut > 0 && isParamSegment(segments[cut - 1])) {
      cut--;
    }
    const itemParams = segments.slice(cut).flatMap(paramsOf);
    const isItem = itemParams.length > 0;
    if (cut === 0 && isItem) {
      warnings.push(`${op.key}: an item path without a collection segment is left to client.request`);
      continue;
    }
    const node = cut === 0 ? rootResource() : nodeFor(segments.slice(0, cut));
    const item = resolve(doc, doc.paths[op.path]);
    if (typeof item["x-sdk-name"] === "string") {
      if (node.nameFrom === "extension" && node.name !== item["x-sdk-name"]) {
        warnings.push(`${op.path}: x-sdk-name ${item["x-sdk-name"]} conflicts with ${node.name}`);
      } else {
        node.name = item["x-sdk-name"];
        node.nameFrom = "extension";
      }
    }
    node.ops.push(op);

    if (op.action) {
      const action = typeof op.action === "string" ? { name: op.action } : op.action;
      // An action on a collection path belongs to the parent resource, reached with the parent's item params.
      const owner = isItem || !node.parent ? node : node.parent;
      const args = isItem ? itemParams : node.accessor;
      const bodyArg = action.bodyArg ?? singleRequired(doc, op.requestSchema);
      addMethod(
        owner,
        action.name,
        { kind: "action", op: op.key, args, bodyArg: bodyArg ?? null, operation: op },
        warnings,
      );
      continue;
    }

    const m = op.lower;
    if (!isItem) {
      if (m === "get") {
        addMethod(
          node,
          op.responseIsArray ? "list" : "get",
          { kind: op.responseIsArray ? "list" : "get", op: op.key, args: [], operation: op },
          warnings,
        );
      } else if (m === "post") {
        addMethod(node, "create", { kind: "create", op: op.key, args: [], operation: op }, warnings);
        node.create = op;
      } else if (m === "put") {
        addMethod(node, "update", { kind: "update", op: op.key, args: [], operation: op }, warnings);
      } else if (m === "delete") {
        addMethod(node, "delete", { kind: "delete", op: op.key, args: [], operation: op }, warnings);
      } else {
        warnings.push(`${op.key}: no resource method for ${op.method} on a collection; use client.request`);
      }
    } else if (m === "get") {
      addMethod(node, "get", { kind: "get", op: op.key, args: itemParams, operation: op }, warnings);
      node.itemGet = op;
    } else if (m === "put") {
      // MidoNet writes the body's own `id` for some resources (TraceRequest, L2Insertion, QoS rules, ...), so the
      // client sends the path's id in the body when the caller leaves it out.
      const idInBody = itemParams.at(-1) === "id" && propertyNames(doc, op.requestSchema).has("id");
      addMethod(node, "update", { kind: "update", op: op.key, args: itemParams, operation: op, idInBody }, warnings);
    } else if (m === "delete") {
      addMethod(node, "delete", { kind: "delete", op: op.key, args: itemParams, operation: op }, warnings);
      addMethod(
        node,
        "deleteIfExists",
        { kind: "deleteIfExists", op: op.key, args: itemParams, operation: op },
        warnings,
      );
    } else {
      warnings.push(`${op.key}: no resource method for ${op.method} on an item; use client.request`);
    }
  }

  // Top-level item GETs by the schema they answer with: the fallback read-back for `ensure` on nested collections
  // whose own items cannot be read (POST /bridges/{id}/ports creates a Port that lives at /ports/{id}).
  const topLevelGets = operations.filter(
    (op) => op.lower === "get" && !op.ignored && /^\/[^/{]+\/\{[^}]+\}$/.test(op.path) && op.responseSchema,
  );
  for (const node of nodes.values()) {
    const create = node.create;
    if (!create?.requestSchema) {
      continue;
    }
    const props = propertyNames(doc, create.requestSchema);
    let read = null;
    if (node.itemGet) {
      const own = node.methods.get("get").args;
      if (own.every((p) => props.has(p))) {
        read = { op: node.itemGet.key, keys: own, bound: true };
      }
    }
    if (!read) {
      const wanted = new Set(schemaRefs(doc, create.requestSchema));
      const match = topLevelGets.find((g) => schemaRefs(doc, g.responseSchema).some((r) => wanted.has(r)));
      if (match?.pathParams.every((p) => props.has(p))) {
        read = { op: match.key, keys: match.pathParams, bound: false };
      }
    }
    if (read) {
      addMethod(node, "ensure", { kind: "ensure", op: create.key, read, args: [], operation: create }, warnings);
    }
  }

  // Drop nodes that carry nothing (a collection whose only operations became actions of its parent).
  const prune = (node) => {
    for (const [key, child] of node.children) {
      prune(child);
      if (child.methods.size === 0 && child.children.size === 0) {
        node.children.delete(key);
      }
    }
  };
  prune(root);

  // Name checks: siblings must differ, must not shadow methods, and the top level must not shadow the client.
  const check = (node) => {
    const seen = new Map();
    for (const [key, child] of [...node.children]) {
      if (node === root && RESERVED_TOP_LEVEL.has(child.name)) {
        warnings.push(`/${child.segments.join("/")}: name ${child.name} is reserved by the client; set x-sdk-name`);
        node.children.delete(key);
        continue;
      }
      if (seen.has(child.name) || node.methods.has(child.name) || RESERVED_METHODS.has(child.name)) {
        warnings.push(`/${child.segments.join("/")}: name ${child.name} is taken on its parent; set x-sdk-name`);
        node.children.delete(key);
        continue;
      }
      seen.set(child.name, child);
      check(child);
    }
  };
  check(root);

  return { operations, root, warnings };
}

function singleRequired(doc, schema) {
  const s = resolve(doc, schema);
  if (!s || !Array.isArray(s.required)) {
    return undefined;
  }
  const writable = s.required.filter((p) => !resolve(doc, s.properties?.[p])?.readOnly);
  return writable.length === 1 ? writable[0] : undefined;
}

/** A readable name for a path parameter in a signature: `id` below `bridges` -> `bridgeId`. */
export function argName(node, param) {
  if (param !== "id") {
    return camel(param).replace(/[^A-Za-z0-9_$]/g, "_");
  }
  return `${singular(node.name)}Id`;
}

export function interfaceName(node) {
  const names = [];
  for (let n = node; n?.parent; n = n.parent) {
    names.unshift(pascal(n.name));
  }
  return `${names.join("")}Resource`;
}
