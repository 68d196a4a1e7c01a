// A small stand-in for @midonet/emulator (same programmatic surface for what the tests use): generic in-memory
// collections, /login with users, fault rules, and a request log. Used until the real emulator is installed.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FaultRule {
  id?: string;
  kind: "latency" | "error" | "drop";
  status?: 500 | 502 | 503 | 504;
  retryAfter?: number;
  latencyMs?: number;
  method?: string;
  path?: string;
  times?: number;
}

export interface BackendOptions {
  auth?: { mode: "mock" } | { mode: "users"; users: { username: string; password: string; project?: string }[] };
  faults?: FaultRule[];
}

export interface Backend {
  url: string;
  port: number;
  faults: { add(rule: FaultRule): string; remove(id: string): void; clear(): void; list(): FaultRule[] };
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const ERROR_TYPE = "application/vnd.org.midonet.Error-v1+json";

export async function startMiniEmulator(
  options: BackendOptions = {},
): Promise<Backend & { requests: RecordedRequest[]; expireTokens(): void }> {
  const root = "/midonet-api";
  const store = new Map<string, Map<string, Record<string, unknown>>>();
  const tokens = new Set<string>();
  const rules: (FaultRule & { id: string; used: number })[] = [];
  const requests: RecordedRequest[] = [];
  let base = "";

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, { ...headers, ...(text ? { "content-length": String(Buffer.byteLength(text)) } : {}) });
    res.end(text);
  };
  const error = (res: ServerResponse, status: number, message: string | null, extra: Record<string, unknown> = {}) =>
    send(res, status, { message, code: status, ...extra }, { "content-type": ERROR_TYPE });

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) {
      chunks.push(c as Buffer);
    }
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    requests.push({ method, path: url.pathname + url.search, headers: req.headers, body: raw });
    if (!url.pathname.startsWith(root)) {
      return error(res, 404, "not found");
    }
    const path = url.pathname.slice(root.length) || "/";

    for (const rule of rules) {
      if ((rule.method && rule.method !== method) || (rule.path && !new RegExp(rule.path).test(path))) {
        continue;
      }
      if (rule.times !== undefined && rule.used >= rule.times) {
        continue;
      }
      rule.used++;
      if (rule.kind === "drop") {
        req.socket.destroy();
        return;
      }
      if (rule.kind === "latency") {
        await new Promise((r) => setTimeout(r, rule.latencyMs ?? 0));
        continue;
      }
      const status = rule.status ?? 503;
      const headers: Record<string, string> = { "content-type": ERROR_TYPE };
      if (rule.retryAfter !== undefined) {
        headers["Retry-After"] = String(rule.retryAfter);
        headers.RetryAfter = String(rule.retryAfter);
      }
      return send(res, status, { message: "injected fault", code: status }, headers);
    }

    if (path === "/login") {
      if (options.auth?.mode !== "users") {
        return send(
          res,
          200,
          { key: "00000000", expires: null },
          { "content-type": "application/vnd.org.midonet.Token-v1+json" },
        );
      }
      const header = req.headers.authorization ?? "";
      const [user, pass] = Buffer.from(header.replace(/^Basic /i, ""), "base64")
        .toString()
        .split(":");
      if (!options.auth.users.some((u) => u.username === user && u.password === pass)) {
        return error(res, 401, "Authentication error", {});
      }
      const token = randomUUID();
      tokens.add(token);
      return send(
        res,
        200,
        { key: token, expires: null },
        {
          "content-type": "application/vnd.org.midonet.Token-v1+json",
          "set-cookie": `sessionId=${token}`,
        },
      );
    }
    if (options.auth?.mode === "users" && !tokens.has(String(req.headers["x-auth-token"] ?? ""))) {
      return error(res, 401, "Authentication error");
    }
    if (path === "/") {
      return send(res, 200, { uri: `${base}/`, version: "v5.0", bridges: `${base}/bridges` });
    }

    const segments = path.split("/").filter(Boolean);
    const isItem = segments.length % 2 === 0;
    const collectionPath = `/${(isItem ? segments.slice(0, -1) : segments).join("/")}`;
    const collection = store.get(collectionPath) ?? new Map<string, Record<string, unknown>>();
    store.set(collectionPath, collection);
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};

    if (!isItem) {
      if (method === "GET") {
        const tenant = url.searchParams.get("tenant_id");
        const list = [...collection.values()].filter((o) => tenant === null || o.tenantId === tenant);
        return send(res, 200, list, { "content-type": String(req.headers.accept ?? "application/json") });
      }
      if (method === "POST") {
        if (typeof body.name === "string" && body.name.length > 255) {
          return error(res, 400, "Validation error(s) found", {
            violations: [{ property: "name", message: "size must be between 0 and 255" }],
          });
        }
        const id = typeof body.id === "string" ? body.id : randomUUID();
        if (collection.has(id)) {
          return error(res, 409, `A(n) Network with ID ${id} already exists.`);
        }
        const uri = `${base}${collectionPath}/${id}`;
        collection.set(id, { tenantId: null, name: null, adminStateUp: true, ...body, id, uri });
        return send(res, 201, undefined, { location: uri });
      }
      return error(res, 405, null);
    }
    const id = segments.at(-1) as string;
    const existing = collection.get(id);
    if (!existing) {
      return error(res, 404, `There is no Network with ID ${id}.`);
    }
    if (method === "GET") {
      return send(res, 200, existing, { "content-type": String(req.headers.accept ?? "application/json") });
    }
    if (method === "PUT") {
      collection.set(id, { ...body, id, uri: existing.uri });
      return send(res, 204);
    }
    if (method === "DELETE") {
      collection.delete(id);
      return send(res, 204);
    }
    return error(res, 405, null);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}${root}`;
  for (const rule of options.faults ?? []) {
    rules.push({ ...rule, id: rule.id ?? randomUUID(), used: 0 });
  }
  return {
    url: base,
    port,
    requests,
    expireTokens: () => tokens.clear(),
    faults: {
      add(rule) {
        const id = rule.id ?? randomUUID();
        rules.push({ ...rule, id, used: 0 });
        return id;
      },
      remove(id) {
        const i = rules.findIndex((r) => r.id === id);
        if (i >= 0) {
          rules.splice(i, 1);
        }
      },
      clear: () => {
        rules.length = 0;
      },
      list: () => rules.map(({ used: _, ...r }) => r),
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
