// The bench's server, in its own process so it does not share the client's event loop: @midonet/emulator when it is
// built, else the test mini emulator. Prints the API URL on the first line.
import { startBackend } from "../test/helpers/backend.js";

const backend = await startBackend();
process.stdout.write(`${backend.url}\n`);
process.on("SIGTERM", () => {
  void backend.close().then(() => process.exit(0));
});
