/** GET /system_state — a constant in MidoNet 5.x (`SystemStateResource`, reference §9.29). */
import { ok } from "../replies.js";
import type { Handler } from "../types.js";

export const getSystemState: Handler = () =>
  ok({ state: "ACTIVE", availability: "READWRITE", version: "5.0.0", information: null });
