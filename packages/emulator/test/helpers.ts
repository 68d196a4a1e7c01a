/** Test helpers: a real emulator on an ephemeral port and a raw HTTP client that sends only the headers given. */
import { request } from "node:http";
import { type InternalOptions, startEmulator } from "../src/emulator.js";
import type { EmulatorOptions, RunningEmulator } from "../src/options.js";

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export interface CallOptions {
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
}

/** One request; the path is relative to the server origin (`/midonet-api/bridges`) or absolute. */
export function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const url = new URL(path, base);
  const body =
    options.body === undefined
      ? undefined
      : Buffer.isBuffer(options.body)
        ? options.body
        : Buffer.from(typeof options.body === "string" ? options.body : JSON.stringify(options.body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { ...(body ? { "content-length": String(body.length) } : {}), ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: any;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export const JSON_HEADERS = { accept: "application/json", "content-type": "application/json" };
export const BRIDGE_V4 = "application/vnd.org.midonet.Bridge-v4+json";

/** A started emulator plus shortcuts bound to its API root. */
export class TestEmulator {
  private constructor(readonly emulator: RunningEmulator) {}

  static async start(options: EmulatorOptions & InternalOptions = {}): Promise<TestEmulator> {
    return new TestEmulator(await startEmulator(options));
  }

  get url(): string {
    return this.emulator.url;
  }

  get origin(): string {
    return new URL(this.emulator.url).origin;
  }

  /** `path` below the API root (`/bridges`), JSON headers unless overridden. */
  api(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    return call(this.url, method, `${new URL(this.url).pathname}${path}`, {
      ...options,
      headers: { ...JSON_HEADERS, ...options.headers },
    });
  }

  raw(method: string, path: string, options: CallOptions = {}): Promise<Response> {
    return call(this.url, method, path, options);
  }

  async createBridge(body: Record<string, unknown> = {}): Promise<string> {
    const res = await this.api("POST", "/bridges", { body });
    if (res.status !== 201) {
      throw new Error(`create bridge: ${res.status} ${res.text}`);
    }
    return String(res.headers.location).split("/").pop()!;
  }

  close(): Promise<void> {
    return this.emulator.close();
  }
}

export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
