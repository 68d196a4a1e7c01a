/** MidoNet's CorsFilter (reference §4, `SV/CorsFilter.scala`): OPTIONS answered directly, other responses decorated. */
import type { ServerResponse } from "node:http";

const COMMON = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, PUT, DELETE, OPTIONS",
  "access-control-expose-headers": "Location",
} as const;

export function addCorsHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(COMMON)) {
    res.setHeader(name, value);
  }
}

/** The preflight answer: 200, no auth, no body. */
export function answerPreflight(res: ServerResponse): void {
  addCorsHeaders(res);
  res.setHeader(
    "access-control-allow-headers",
    "Origin, X-Auth-Token, X-Auth-Project, Content-Type, Accept, Authorization",
  );
  // MidoNet sets this header with a null value; Jetty then writes it empty.
  res.setHeader("access-control-allow-credentials", "");
  res.setHeader("content-length", "0");
  res.writeHead(200);
  res.end();
}
