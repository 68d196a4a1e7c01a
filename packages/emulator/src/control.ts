/**
 * The emulator's own endpoints, outside the API root: `/_emulator/health`, `/_emulator/faults`
 * (GET list, POST add → 201 {id}, DELETE clear, DELETE /{id} remove) and `POST /_emulator/hosts`. No auth, no
 * faults: they are how tests steer the emulator.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "./http/body.js";
import { HttpError, notFound } from "./http/errors.js";
import { errorReply, type Reply, toHttpError, writeReply } from "./http/response.js";
import type { FaultRule, HostSpec } from "./options.js";
import type { Services } from "./services.js";

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    throw new HttpError(400, "The body must be JSON");
  }
}

const methodNotAllowed = () => new HttpError(405, null, { empty: true });

async function route(services: Services, req: IncomingMessage, path: string): Promise<Reply> {
  const method = req.method ?? "GET";
  if (path === "/health") {
    return { status: 200, body: { status: "ok", objects: services.store.size() } };
  }
  if (path === "/faults") {
    if (method === "GET") {
      return { status: 200, body: services.faults.list() };
    }
    if (method === "POST") {
      const id = services.faults.add((await jsonBody(req)) as FaultRule);
      return { status: 201, body: { id } };
    }
    if (method === "DELETE") {
      services.faults.clear();
      return { status: 204 };
    }
    throw methodNotAllowed();
  }
  const fault = /^\/faults\/([^/]+)$/.exec(path);
  if (fault) {
    if (method !== "DELETE") {
      throw methodNotAllowed();
    }
    if (!services.faults.remove(decodeURIComponent(fault[1]!))) {
      throw notFound(`There is no fault rule with ID ${fault[1]}.`);
    }
    return { status: 204 };
  }
  if (path === "/hosts") {
    if (method !== "POST") {
      throw methodNotAllowed();
    }
    const spec = (await jsonBody(req)) as HostSpec;
    if (!spec || typeof spec !== "object" || typeof spec.id !== "string" || spec.id === "") {
      throw new HttpError(400, "A host needs an id");
    }
    await services.hosts.register(spec);
    return { status: 200, body: { id: spec.id } };
  }
  throw notFound("Resource not found");
}

/** `path` is below `/_emulator`. */
export async function dispatchControl(
  services: Services,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  try {
    writeReply(req, res, await route(services, req, path));
  } catch (error) {
    writeReply(req, res, errorReply(toHttpError(error)));
  }
}
