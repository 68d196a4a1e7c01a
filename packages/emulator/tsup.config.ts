import { defineConfig } from "tsup";

export default defineConfig([
  // The library: ESM and CJS (nothing in it needs import.meta, so the CJS build is free).
  {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    target: "node20",
    treeshake: true,
  },
  // The command: ESM only, with its shebang kept by tsup.
  {
    entry: ["src/cli.ts"],
    format: ["esm"],
    sourcemap: true,
    target: "node20",
  },
]);
