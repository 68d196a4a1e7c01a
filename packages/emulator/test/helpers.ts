/** Test helpers: a real emulator on an ephemeral port and a raw HTTP client that sends only the headers given. */
import { request } from "node:http";
import { afterAll, beforeAll } from "vitest";
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

/** The id at the end of a `Location` header (or any URI). */
export const idOf = (location: unknown): string => String(location).split("/").pop()!;

/** A started emulator plus shortcuts bound to its API root. */
export class TestEmulator {
  private running: RunningEmulator | undefined;

  private constructor(running?: RunningEmulator) {
    this.running = running;
  }

  static async start(options: EmulatorOptions & InternalOptions = {}): Promise<TestEmulator> {
    return new TestEmulator(await startEmulator(options));
  }

  /**
   * One emulator for the enclosing suite (the file, or the `describe` it is called in): started in `beforeAll`,
   * closed in `afterAll`. Use the returned object from the tests and hooks only.
   */
  static forSuite(options: EmulatorOptions & InternalOptions = {}): TestEmulator {
    const emu = new TestEmulator();
    beforeAll(async () => {
      emu.running = await startEmulator(options);
    });
    afterAll(() => emu.close());
    return emu;
  }

  get emulator(): RunningEmulator {
    if (!this.running) {
      throw new Error("the test emulator is not started (yet)");
    }
    return this.running;
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

  /**
   * `POST path` below the API root; the new id from `Location` (throws unless 201). Bound, so a test file may take
   * it out: `const { create, getJson: get } = emu;`.
   */
  readonly create = async (path: string, body: Record<string, unknown> = {}): Promise<string> =>
    createdId(await this.api("POST", path, { body }), `POST ${path}`);

  /** The JSON body of `GET path` below the API root, whatever the status. Bound, like `create`. */
  readonly getJson = async (path: string): Promise<any> => (await this.api("GET", path)).json;

  async createBridge(body: Record<string, unknown> = {}): Promise<string> {
    return createdId(await this.api("POST", "/bridges", { body }), "create bridge");
  }

  async close(): Promise<void> {
    await this.running?.close();
  }
}

function createdId(res: Response, what: string): string {
  if (res.status !== 201) {
    throw new Error(`${what}: ${res.status} ${res.text}`);
  }
  return idOf(res.headers.location);
}

export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
