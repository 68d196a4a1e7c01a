import { MidoNetError } from "./midonet-error.js";

/** No HTTP answer: connection refused or reset, DNS or TLS failure. `cause` holds the underlying error. */
export class NetworkError extends MidoNetError {
  override readonly name = "NetworkError" as const;
}
