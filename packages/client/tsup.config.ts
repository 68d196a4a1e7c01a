import { defineConfig, type Options } from "tsup";

const shared: Options = {
  entry: ["src/index.ts"],
  dts: true,
  sourcemap: true,
  target: "node20",
  treeshake: true,
};

export default defineConfig([
  // ESM: ky stays an import, resolved from the consumer's node_modules.
  { ...shared, format: ["esm"] },
  // CJS: ky is ESM-only, and `require("ky")` through esbuild's interop wrapper yields the namespace, not ky
  // (`import_ky.default.create is not a function`). Bundling ky into the CJS file avoids the interop entirely.
  { ...shared, format: ["cjs"], noExternal: ["ky"] },
]);
