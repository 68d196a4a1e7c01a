import { AuthError } from "../errors/auth-error.js";
import { errorFromResponse } from "../errors/from-response.js";
import type { LoginAuth } from "../options.js";

const TOKEN_TYPE = "application/vnd.org.midonet.Token-v1+json";

function basic(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return `Basic ${btoa(binary)}`;
}

/** Reads the token from the `Token-v1` body (`key`) or, failing that, the `sessionId` cookie. */
export function tokenFrom(body: unknown, headers: Headers): string | undefined {
  const key = (body as { key?: unknown } | null)?.key;
  if (typeof key === "string" && key) {
    return key;
  }
  const cookies =
    typeof headers.getSetCookie === "function" ? headers.getSetCookie() : [headers.get("set-cookie") ?? ""];
  for (const cookie of cookies) {
    const m = /(?:^|[;,]\s*)sessionId=([^;,\s]+)/.exec(cookie);
    if (m?.[1]) {
      return m[1];
    }
  }
  return undefined;
}

/**
 * `POST {base}/login` with HTTP Basic auth and optional `X-Auth-Project`. Errors name the URL and MidoNet's message,
 * never the credentials.
 */
export async function login(
  send: (url: string, init: RequestInit) => Promise<Response>,
  baseUrl: string,
  credentials: LoginAuth,
): Promise<string> {
  const url = `${baseUrl}/login`;
  const headers: Record<string, string> = {
    authorization: basic(credentials.username, credentials.password),
    accept: TOKEN_TYPE,
  };
  if (credentials.project) {
    headers["x-auth-project"] = credentials.project;
  }
  const response = await send(url, { method: "POST", headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  if (!response.ok) {
    const error = errorFromResponse(response.status, response.statusText, body, "POST", url);
    throw response.status === 401 || response.status === 403
      ? new AuthError(`login failed: ${error.message}`, { ...fields(error), cause: undefined })
      : error;
  }
  const token = tokenFrom(body, response.headers);
  if (!token) {
    throw new AuthError(
      `login answered ${response.status} without a token (no "key" in the body, no sessionId cookie)`,
      {
        status: response.status,
        method: "POST",
        url,
      },
    );
  }
  return token;
}

function fields(e: AuthError | ReturnType<typeof errorFromResponse>) {
  return { status: e.status, code: e.code, serverMessage: e.serverMessage, method: e.method, url: e.url, body: e.body };
}
