/**
 * Reading a body whose bean-validation verdict differs from the schema's on a few fields (a primitive that is 0
 * when omitted, a list that defaults to empty, a value `create()` changes before validation): the schema's
 * violations are taken, adjusted, completed with the resource's own checks, and thrown together as MidoNet does.
 */
import { HttpError, type Violation, validationError } from "../../http/errors.js";
import type { RequestContext } from "../types.js";

export interface ReadBody {
  /** The writable body; built without the schema's verdict when only adjusted-away violations were found. */
  body: Record<string, any>;
  violations: Violation[];
}

function writableWithoutVerdict(ctx: RequestContext): Record<string, any> {
  const raw = (ctx.rawBody ?? {}) as Record<string, any>;
  const out: Record<string, any> = {};
  for (const [name, schema] of ctx.schemaProperties(ctx.bodySchema ?? "")) {
    const value = schema.readOnly ? undefined : (raw[name] ?? schema.default);
    if (value !== undefined && value !== null) {
      out[name] = value;
    }
  }
  return out;
}

/** The body and the schema's violations (not thrown yet). */
export function readBody(ctx: RequestContext): ReadBody {
  try {
    return { body: ctx.writable(), violations: [] };
  } catch (error) {
    if (error instanceof HttpError && error.status === 400 && error.body) {
      const parsed = JSON.parse(error.body) as { violations?: Violation[] };
      if (parsed.violations) {
        return { body: writableWithoutVerdict(ctx), violations: parsed.violations };
      }
    }
    throw error;
  }
}

/** Throws the 400 "Validation error(s) found" when there are violations, in the framework's order. */
export function throwViolations(violations: Violation[]): void {
  if (violations.length > 0) {
    throw validationError(
      [...violations].sort((a, b) => a.property.localeCompare(b.property) || a.message.localeCompare(b.message)),
    );
  }
}
