/** A sink for debug lines. */
export type Logger = (line: string) => void;

/**
 * True when `DEBUG` names `midonet` (`DEBUG=midonet:*`, `DEBUG=midonet:http`, `DEBUG=*`) or `MIDONET_DEBUG` is
 * `1`/`true`.
 */
export function debugFromEnv(env: Record<string, string | undefined> | undefined = globalThis.process?.env): boolean {
  if (!env) {
    return false;
  }
  const flag = env.MIDONET_DEBUG?.toLowerCase();
  if (flag === "1" || flag === "true") {
    return true;
  }
  return (env.DEBUG ?? "")
    .split(/[\s,]+/)
    .some((pattern) => pattern === "*" || pattern === "midonet" || pattern.startsWith("midonet:"));
}

/** Writes `midonet:http …` lines to standard error. */
export const stderrLogger: Logger = (line) => {
  globalThis.process?.stderr?.write(`midonet:http ${line}\n`);
};
