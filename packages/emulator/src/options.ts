/** The public options and handles of the emulator (documented in README.md). */

export interface InterfaceSpec {
  name: string;
  mac?: string | null;
  mtu?: number;
  type?: "Physical" | "Virtual" | "Tunnel" | "Unknown";
  endpoint?: "DATAPATH" | "PHYSICAL" | "VM" | "GRE" | "CAPWAP" | "LOCALHOST" | "TUNTAP" | "UNKNOWN";
  portType?: "NetDev" | "Internal" | "Gre" | "VXLan" | "Gre64" | "Lisp" | null;
  addresses?: string[];
  status?: number;
}

export interface HostSpec {
  id: string;
  name?: string;
  alive?: boolean;
  /** "system" reads the machine's interfaces at request time. */
  interfaces?: InterfaceSpec[] | "system";
}

export interface UserSpec {
  username: string;
  password: string;
  project?: string;
  role?: "admin" | "tenant_admin" | "tenant_user";
}

export type AuthOptions =
  | { mode: "mock" }
  | { mode: "users"; users: UserSpec[]; tokenTtlSeconds?: number }
  | { mode: "users"; file: string };

export interface FaultRule {
  id?: string;
  kind: "latency" | "error" | "drop";
  /** kind "error"; default 503. */
  status?: 500 | 502 | 503 | 504;
  /** Seconds; sent as Retry-After (and MidoNet's own RetryAfter) on kind "error". */
  retryAfter?: number;
  /** kind "latency". */
  latencyMs?: number;
  /** 0..1 probability, default 1. */
  rate?: number;
  /** e.g. "GET"; default any. */
  method?: string;
  /** Regular-expression source tested against the path below the API root ("/bridges/..."); default any. */
  path?: string;
  /** Stop after triggering this many times; default unlimited. */
  times?: number;
}

export interface EmulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default "/midonet-api". */
  rootPath?: string;
  /** MidoNet hosts registered alive, as running agents would (a string = id). */
  hosts?: Array<string | HostSpec>;
  /** Persistence file; in memory when absent. */
  statePath?: string;
  auth?: AuthOptions;
  /** PEM key and certificate (or chain): serve HTTPS instead of HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Initial fault rules. */
  faults?: FaultRule[];
  logger?: (line: string) => void;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:40123/midonet-api (no trailing slash). */
  url: string;
  port: number;
  faults: {
    add(rule: FaultRule): string;
    remove(id: string): void;
    clear(): void;
    list(): FaultRule[];
  };
  hosts: {
    register(spec: HostSpec): void;
    setAlive(id: string, alive: boolean): void;
  };
  close(): Promise<void>;
}
