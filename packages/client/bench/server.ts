// The bench's server: @midonet/emulator (the built package), in its own process so it does not share the client's
// event loop. Prints the API URL on the first line; SIGTERM closes it.
import { startEmulator } from "@midonet/emulator";

const emulator = await startEmulator();
process.stdout.write(`${emulator.url}\n`);
process.on("SIGTERM", () => {
  void emulator.close().then(() => process.exit(0));
});
