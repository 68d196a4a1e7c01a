/** The public surface of @midonet/emulator (CONTRACT.md). */
export { startEmulator } from "./emulator.js";
export type {
  AuthOptions,
  EmulatorOptions,
  FaultRule,
  HostSpec,
  InterfaceSpec,
  RunningEmulator,
  UserSpec,
} from "./options.js";
