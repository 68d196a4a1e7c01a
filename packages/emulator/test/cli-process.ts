/** Spawns the command (from source, through tsx) and waits for its ready line. */
import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_SOURCE = join(packageDir, "src", "cli.ts");

export interface CliProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

export function spawnCli(args: string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI_SOURCE, ...args], {
    cwd: packageDir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = "";
    let errors = "";
    const timer = setTimeout(() => reject(new Error(`no ready line: ${output}${errors}`)), 20_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^midonet-emulator ready at (\S+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited });
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output}${errors}`));
    });
  });
}
