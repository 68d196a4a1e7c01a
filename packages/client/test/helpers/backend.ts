// The server the tests run against: @midonet/emulator when it is installed (startEmulator over real HTTP), else the
// mini emulator of this folder. Tests use only what both offer (CONTRACT.md: url, faults, close).
import { type Backend, type BackendOptions, startMiniEmulator } from "./mini-emulator.js";

type StartEmulator = (options?: BackendOptions) => Promise<Backend>;

let start: StartEmulator | undefined;

async function loadEmulator(): Promise<StartEmulator | undefined> {
  const name = "@midonet/emulator";
  try {
    const mod = (await import(/* @vite-ignore */ name)) as { startEmulator?: StartEmulator };
    return mod.startEmulator;
  } catch {
    return undefined;
  }
}

/** Which backend `startBackend` uses, for test titles. */
export async function backendName(): Promise<string> {
  start ??= (await loadEmulator()) ?? startMiniEmulator;
  return start === startMiniEmulator ? "mini emulator" : "@midonet/emulator";
}

export async function startBackend(options?: BackendOptions): Promise<Backend> {
  start ??= (await loadEmulator()) ?? startMiniEmulator;
  return start(options);
}
