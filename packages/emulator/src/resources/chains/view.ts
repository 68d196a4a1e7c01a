/** The Chain JSON (reference §9.7, `MM/Chain.java`). */
import { defineView, sub } from "../view.js";

export const CHAIN_KIND = "Chain";

export const chainView = defineView({
  schema: "Chain",
  path: (chain) => `/chains/${chain.id}`,
  fields: { rules: sub("rules") },
});
