import { MidoNetError, type MidoNetErrorDetails } from "./midonet-error.js";

/** One bean-validation failure: `property` is the JSON field name. */
export interface Violation {
  property: string;
  message: string;
}

/** 400: the body failed validation (`violations` lists each field) or a MidoNet rule refused it. */
export class ValidationError extends MidoNetError {
  override readonly name = "ValidationError" as const;
  /** Empty when MidoNet refused the request with a plain message. */
  readonly violations: readonly Violation[];

  /** @internal */
  constructor(message: string, details: MidoNetErrorDetails & { violations?: readonly Violation[] }) {
    super(message, details);
    this.violations = details.violations ?? [];
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), violations: this.violations };
  }
}
