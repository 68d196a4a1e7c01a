/**
 * Group "health-monitors": /health_monitors, /health_monitors/{id} and /health_monitors/{id}/pools (reference §7.1,
 * §9.26, `RS/HealthMonitorResource.scala`, `MM/HealthMonitor.java`). Deleting one clears `healthMonitorId` on its
 * pools (binding CLEAR); their hidden mapping status is left as it was.
 */
import { defineCrud } from "../crud.js";
import { listPoolsOf } from "../pools/index.js";
import type { ResourceGroup } from "../types.js";
import { HEALTH_MONITOR_KIND, healthMonitorView } from "./view.js";

const monitors = defineCrud({
  kind: HEALTH_MONITOR_KIND,
  view: healthMonitorView,
  // HealthMonitor.create(): adminStateUp forced true, hidden status ACTIVE.
  hidden: { poolIds: [], status: "ACTIVE" },
  // HealthMonitor.update(from) keeps id, status and poolIds; adminStateUp is the body's (absent = false).
  preserve: ["status", "poolIds"],
  deleteMissing: 204,
  beforeCreate: (_ctx, object) => ({ ...object, adminStateUp: true }),
  beforeUpdate: (_ctx, next) => ({ ...next, adminStateUp: next.adminStateUp ?? false }),
});

export const group: ResourceGroup = {
  name: "health-monitors",
  handlers: {
    listHealthMonitors: monitors.list,
    getHealthMonitor: monitors.get,
    createHealthMonitor: monitors.create,
    updateHealthMonitor: monitors.update,
    deleteHealthMonitor: monitors.delete,
    listHealthMonitorPools: (ctx) => listPoolsOf(ctx, HEALTH_MONITOR_KIND),
  },
};
