/**
 * The API request pipeline, in MidoNet's order (reference §1 filter chain, §3.3, §4):
 * faults → CORS → /login filter → auth filter (token, admin only) → route (unknown root 404, unknown method 405) →
 * media types (406/415) → body (1 MiB, gzip, JSON, mapping errors 400) → handler in one store transaction
 * (violations 400, storage errors 404/409) → wait until durable → reply.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./auth/filter.js";
import { login } from "./auth/login.js";
import { requestOrigin } from "./http/base-uri.js";
import { readBody } from "./http/body.js";
import { addCorsHeaders, answerPreflight } from "./http/cors.js";
import { HttpError, notFound, validationError } from "./http/errors.js";
import { errorReply, type Reply, toHttpError, writeReply } from "./http/response.js";
import { checkRequestType, negotiateResponseType } from "./openapi/media-types.js";
import type { Operation } from "./openapi/operations.js";
import { split } from "./openapi/router.js";
import type { ValidatedBody } from "./openapi/validation.js";
import { ROOT_RESOURCES } from "./resources/application/root.js";
import type { RequestContext } from "./resources/types.js";
import type { Services } from "./services.js";
import type { Transaction } from "./store/store.js";

const KNOWN_ROOTS = new Set(ROOT_RESOURCES.map(([segment]) => segment));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `apiPath` is the raw path below the root (`/bridges/...`, `/` for the root); `query` the raw query string. */
export async function dispatchApi(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  apiPath: string,
  query: string,
): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const decision = services.faults.decide(method, apiPath);
  if (decision.latencyMs > 0) {
    await sleep(decision.latencyMs);
  }
  if (decision.action?.kind === "drop") {
    req.socket.destroy();
    return;
  }
  addCorsHeaders(res);
  if (decision.action?.kind === "error") {
    writeReply(req, res, errorReply(decision.action.error));
    return;
  }
  if (method === "OPTIONS") {
    answerPreflight(res);
    return;
  }
  // Servlet filters write their errors with a charset parameter.
  let filterStage = true;
  try {
    if (apiPath === "/login") {
      writeReply(req, res, login(services.auth, req.headers));
      return;
    }
    const identity = authenticate(services.auth, req.headers);
    filterStage = false;
    const reply = await runOperation(services, req, apiPath, query, method, identity);
    writeReply(req, res, reply);
  } catch (error) {
    const httpError = toHttpError(error);
    if (httpError.status >= 500 && !(error instanceof HttpError)) {
      services.logger?.(`internal error on ${method} ${apiPath}: ${(error as Error)?.stack ?? String(error)}`);
    }
    writeReply(req, res, errorReply(httpError, filterStage));
  }
}

async function runOperation(
  services: Services,
  req: IncomingMessage,
  apiPath: string,
  query: string,
  method: string,
  identity: RequestContext["identity"],
): Promise<Reply> {
  const match = services.router.match(apiPath);
  if (!match) {
    const root = split(apiPath)[0] ?? "";
    if (!services.router.rootSegments.has(root) && !KNOWN_ROOTS.has(root)) {
      throw notFound(`Root resource ${safeDecode(root)} not found`);
    }
    throw notFound("Resource not found");
  }
  const operation = match.operations.get(method === "HEAD" ? "GET" : method);
  if (!operation) {
    throw new HttpError(405, null, { empty: true, headers: { allow: [...match.operations.keys()].join(",") } });
  }
  const responseType = negotiateResponseType(operation, header(req, "accept"));
  checkRequestType(operation, header(req, "content-type"));
  const raw = await readBody(req);
  const body = parseBody(services, operation, raw);

  const origin = requestOrigin(req, services.listenAddress());
  const baseUri = `${origin}${services.rootPath}`;
  const { result, durable } = services.store.transact((tx) => {
    // startEmulator refuses to start unless every operation has a handler.
    const handler = services.handlers.get(operation.operationId)!;
    const ctx = createContext(services, {
      operation,
      method,
      params: match.params,
      query: new URLSearchParams(query),
      req,
      baseUri,
      requestUri: `${baseUri}${apiPath}`,
      body,
      tx,
      identity,
    });
    return handler(ctx);
  });
  if (durable) {
    try {
      await durable;
    } catch (error) {
      throw new HttpError(500, `The change could not be persisted: ${(error as Error).message}`);
    }
  }
  if (result.body !== undefined && result.contentType === undefined) {
    return { ...result, contentType: responseType ?? "application/json" };
  }
  return result;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Jackson's StreamReadConstraints default (2.15+): deeper JSON is refused as a parse error. Far deeper values would
 * exhaust the stack wherever a value is walked (cloning, validation, serialization).
 */
const MAX_NESTING_DEPTH = 1000;

/** Whether valid JSON text nests arrays/objects deeper than `limit`, scanned iteratively. */
function nestingDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        i++;
      } else if (c === 0x22) {
        inString = false;
      }
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) {
        return true;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

interface ParsedBody {
  raw: unknown;
  validated: ValidatedBody;
}

function parseBody(services: Services, operation: Operation, raw: Buffer): ParsedBody | undefined {
  if (operation.consumes.length === 0) {
    // GET and DELETE bodies are ignored (python-midonetclient sends `{}` with every request).
    return undefined;
  }
  const text = raw.toString("utf8");
  if (text.trim() === "") {
    throw new HttpError(400, "No content to map due to end-of-input");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `Unexpected character in JSON input: ${(error as Error).message}`);
  }
  if (nestingDepthExceeds(text, MAX_NESTING_DEPTH)) {
    throw new HttpError(
      400,
      `Document nesting depth (${MAX_NESTING_DEPTH + 1}) exceeds the maximum allowed (${MAX_NESTING_DEPTH})`,
    );
  }
  return { raw: parsed, validated: services.validator.validate(operation, parsed) };
}

interface ContextInput {
  operation: Operation;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  req: IncomingMessage;
  baseUri: string;
  requestUri: string;
  body: ParsedBody | undefined;
  tx: Transaction;
  identity: RequestContext["identity"];
}

function createContext(services: Services, input: ContextInput): RequestContext {
  const { operation } = input;
  const validated = input.body?.validated;
  const readBodyChecked = () => {
    if (validated && validated.violations.length > 0) {
      throw validationError(validated.violations);
    }
    return validated?.value;
  };
  return {
    operation,
    method: input.method,
    params: input.params,
    query: input.query,
    headers: input.req.headers,
    baseUri: input.baseUri,
    requestUri: input.requestUri,
    rawBody: input.body?.raw,
    get body() {
      return readBodyChecked();
    },
    bodySchema: validated?.schema,
    writable() {
      const body = readBodyChecked() ?? {};
      if (!validated?.schema) {
        return { ...body };
      }
      const out: Record<string, any> = {};
      for (const field of services.validator.writableProperties(validated.schema)) {
        if (body[field] !== undefined) {
          out[field] = body[field];
        }
      }
      return out;
    },
    uri: (path: string) => `${input.baseUri}${path}`,
    schemaProperties: services.schemaProperties,
    tx: input.tx,
    store: services.store,
    hosts: services.hosts,
    auth: services.auth,
    identity: input.identity,
    document: services.document,
  };
}
