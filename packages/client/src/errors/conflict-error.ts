import { MidoNetError, type MidoNetErrorDetails } from "./midonet-error.js";

/** 409: duplicate id, name or address, a referenced object, or (from `ensure`) an existing object that differs. */
export class ConflictError extends MidoNetError {
  override readonly name = "ConflictError" as const;
  /** From `ensure`: the fields whose stored value differs from the requested one. Empty for server conflicts. */
  readonly differences: readonly string[];

  /** @internal */
  constructor(message: string, details: MidoNetErrorDetails & { differences?: readonly string[] }) {
    super(message, details);
    this.differences = details.differences ?? [];
  }
}
