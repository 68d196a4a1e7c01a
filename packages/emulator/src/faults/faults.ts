/**
 * Fault injection: latency, error responses (503 with Retry-After and MidoNet's own RetryAfter),
 * and dropped connections, each with a rate and a method/path filter and an optional number of times. Rules apply
 * to API requests only, before auth and dispatch, in the order they were added: every matching latency rule adds
 * its delay, then the first matching error or drop rule decides the answer.
 */
import { randomUUID } from "node:crypto";
import { HttpError } from "../http/errors.js";
import type { FaultRule } from "../options.js";

interface ActiveRule {
  rule: FaultRule & { id: string };
  path: RegExp | undefined;
  remaining: number;
}

export interface FaultDecision {
  latencyMs: number;
  action: { kind: "error"; error: HttpError } | { kind: "drop" } | undefined;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  /** Adds a rule (replacing one with the same id); throws a 400 HttpError when it is malformed. */
  add(rule: FaultRule): string {
    const checked = checkRule(rule);
    this.rules = this.rules.filter((r) => r.rule.id !== checked.id);
    this.rules.push({
      rule: checked,
      path: checked.path === undefined ? undefined : new RegExp(checked.path),
      remaining: checked.times ?? Number.POSITIVE_INFINITY,
    });
    return checked.id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules, with `times` showing what is left of each. */
  list(): FaultRule[] {
    return this.rules.map(({ rule, remaining }) =>
      rule.times === undefined ? { ...rule } : { ...rule, times: remaining },
    );
  }

  /** Decides the faults of one request; `path` is below the API root (`/bridges/...`). */
  decide(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, action: undefined };
    if (this.rules.length === 0) {
      return decision;
    }
    for (const active of this.rules) {
      const { rule } = active;
      if (active.remaining <= 0 || (decision.action && rule.kind !== "latency")) {
        continue;
      }
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) {
        continue;
      }
      if (active.path && !active.path.test(path)) {
        continue;
      }
      if (this.random() >= (rule.rate ?? 1)) {
        continue;
      }
      active.remaining -= 1;
      if (rule.kind === "latency") {
        decision.latencyMs += rule.latencyMs ?? 0;
      } else if (rule.kind === "drop") {
        decision.action = { kind: "drop" };
      } else {
        decision.action = { kind: "error", error: injectedError(rule) };
      }
    }
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return decision;
  }
}

const MESSAGES: Record<number, string> = {
  500: "Internal server error (injected fault)",
  502: "Bad gateway (injected fault)",
  503: "Service unavailable (injected fault)",
  504: "Gateway timeout (injected fault)",
};

function injectedError(rule: FaultRule): HttpError {
  const status = rule.status ?? 503;
  const headers: Record<string, string> = {};
  if (rule.retryAfter !== undefined) {
    headers["retry-after"] = String(rule.retryAfter);
    headers.retryafter = String(rule.retryAfter);
  }
  return new HttpError(status, MESSAGES[status] ?? "Injected fault", { headers });
}

function checkRule(input: unknown): FaultRule & { id: string } {
  const rule = input as FaultRule;
  const fail = (message: string): never => {
    throw new HttpError(400, `Invalid fault rule: ${message}`);
  };
  if (!rule || typeof rule !== "object" || Array.isArray(rule)) {
    fail("expected an object");
  }
  if (!["latency", "error", "drop"].includes(rule.kind)) {
    fail('kind must be "latency", "error" or "drop"');
  }
  if (rule.status !== undefined && ![500, 502, 503, 504].includes(rule.status)) {
    fail("status must be 500, 502, 503 or 504");
  }
  for (const key of ["retryAfter", "latencyMs", "times"] as const) {
    const value = rule[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < 0)) {
      fail(`${key} must be a non-negative number`);
    }
  }
  if (rule.rate !== undefined && (typeof rule.rate !== "number" || rule.rate < 0 || rule.rate > 1)) {
    fail("rate must be between 0 and 1");
  }
  if (rule.method !== undefined && typeof rule.method !== "string") {
    fail("method must be a string");
  }
  if (rule.path !== undefined) {
    try {
      new RegExp(String(rule.path));
    } catch {
      fail("path must be a valid regular expression");
    }
  }
  if (rule.id !== undefined && (typeof rule.id !== "string" || rule.id === "")) {
    fail("id must be a non-empty string");
  }
  return { ...rule, id: rule.id ?? randomUUID() };
}
