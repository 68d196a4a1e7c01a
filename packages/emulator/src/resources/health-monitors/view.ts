/** The HealthMonitor JSON (reference §9.26, `MM/HealthMonitor.java`); `status` is stored but @JsonIgnore. */
import { defineView, sub } from "../view.js";

export const HEALTH_MONITOR_KIND = "HealthMonitor";

export const healthMonitorView = defineView({
  schema: "HealthMonitor",
  path: (hm) => `/health_monitors/${hm.id}`,
  fields: { pools: sub("pools") },
});
