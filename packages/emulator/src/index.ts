/** The public surface of @midonet/emulator. */
export { startEmulator } from "./emulator.js";
export { type SelfSignedTls, selfSignedTls } from "./http/self-signed-tls.js";
export type {
  AuthOptions,
  EmulatorOptions,
  FaultRule,
  HostSpec,
  InterfaceSpec,
  RunningEmulator,
  UserSpec,
} from "./options.js";
