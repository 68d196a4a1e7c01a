/**
 * The HTTP server: splits requests between the API root, the `/_emulator` control endpoints and everything else,
 * answers `{root}` without a slash with Jetty's 302 to `{root}/` (reference §1), and never lets an exception or a
 * client that goes away crash the process.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { Socket } from "node:net";
import { requestOrigin } from "./base-uri.js";
import { notFound } from "./errors.js";
import { errorReply, toHttpError, writeReply } from "./response.js";

export interface RouteHandlers {
  rootPath: string;
  listenAddress: () => string;
  api: (req: IncomingMessage, res: ServerResponse, apiPath: string, query: string) => Promise<void>;
  control: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void>;
  logger?: (line: string) => void;
  /** PEM key and certificate: serve HTTPS, as a MidoNet cluster does on its `https_port`. */
  tls?: { key: string | Buffer; cert: string | Buffer };
}

export function createHttpServer(routes: RouteHandlers): Server {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    if (routes.logger) {
      res.on("finish", () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        routes.logger?.(`${req.method} ${req.url} ${res.statusCode} ${ms.toFixed(1)}ms`);
      });
    }
    handle(routes, req, res).catch((error) => {
      writeReply(req, res, errorReply(toHttpError(error)));
    });
  };
  const server: Server = routes.tls
    ? createHttpsServer({ ...routes.tls, keepAliveTimeout: 30_000 }, listener)
    : createServer({ keepAliveTimeout: 30_000 }, listener);
  // A client sending garbage gets a 400 from Node; a socket error must not become an uncaught exception.
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (socket.writable && error.code !== "ECONNRESET") {
      socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    }
    socket.destroy();
  });
  return server;
}

async function handle(routes: RouteHandlers, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = req.url ?? "/";
  const queryAt = url.indexOf("?");
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = queryAt < 0 ? "" : url.slice(queryAt + 1);
  const root = routes.rootPath;
  if (path === root) {
    const location = `${requestOrigin(req, routes.listenAddress())}${root}/${query ? `?${query}` : ""}`;
    writeReply(req, res, { status: 302, headers: { location } });
    return;
  }
  if (path.startsWith(`${root}/`)) {
    await routes.api(req, res, path.slice(root.length), query);
    return;
  }
  if (path === "/_emulator" || path.startsWith("/_emulator/")) {
    await routes.control(req, res, path.slice("/_emulator".length));
    return;
  }
  writeReply(req, res, errorReply(notFound("Resource not found")));
}
