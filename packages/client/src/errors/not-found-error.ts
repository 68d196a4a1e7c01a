import { MidoNetError } from "./midonet-error.js";

/** 404: the object, its parent or an object it references does not exist. */
export class NotFoundError extends MidoNetError {
  override readonly name = "NotFoundError" as const;
}
