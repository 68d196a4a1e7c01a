/**
 * Group "traces": /traces and /traces/{id} (reference §7.1, §9.36, `RS/TraceRequestResource.scala`,
 * `MM/TraceRequest.java`). The device is stored the proto's way, in `networkId`, `routerId` or `portId`
 * (`afterToProto`), so the binding table checks that it exists (404 "There is no Network/Router/Port with ID …")
 * and deletes the request with its device; reads derive `deviceType` / `deviceId` back (`afterFromProto`).
 *
 * `limit` defaults to Long.MAX_VALUE, which a JavaScript number cannot hold: values beyond 2^53 are kept as decimal
 * strings and written into the JSON text as bare numbers (see `serialize`).
 */
import type { Reply } from "../../http/response.js";
import type { StoredObject } from "../../store/store.js";
import { defineCrud } from "../crud.js";
import { created, noContent, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { defineView } from "../view.js";

const TRACE_KIND = "TraceRequest";
const ZERO_UUID = "00000000-0000-0000-0000-000000000000";
const LONG_MAX = "9223372036854775807";

const DEVICE_FIELDS = { BRIDGE: "networkId", ROUTER: "routerId", PORT: "portId" } as const;
type DeviceType = keyof typeof DEVICE_FIELDS;

function deviceOf(trace: StoredObject): { type: DeviceType; id: string } | undefined {
  // afterFromProto checks port, then network, then router.
  for (const type of ["PORT", "BRIDGE", "ROUTER"] as const) {
    const id = trace[DEVICE_FIELDS[type]];
    if (typeof id === "string") {
      return { type, id };
    }
  }
  return undefined;
}

const BIG = "\u0000bigint:";

const traceView = defineView({
  schema: "TraceRequest",
  path: (trace) => `/traces/${trace.id}`,
  fields: {
    deviceType: (trace) => deviceOf(trace)?.type ?? null,
    deviceId: (trace) => deviceOf(trace)?.id ?? null,
    creationTimestampMs: (trace) => trace.createTimestampMs ?? 0,
    limit: (trace) => (typeof trace.limit === "string" ? `${BIG}${trace.limit}` : (trace.limit ?? 0)),
  },
});

/** JSON text with the big `limit` values written as numbers. */
function serialize(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000bigint:(\d+)"/g, "$1");
}

/** A 64-bit `limit` as stored: a number when exact, else the decimal string (clamped to Long.MAX_VALUE). */
function storedLimit(limit: unknown): number | string {
  if (typeof limit !== "number") {
    return LONG_MAX;
  }
  if (Number.isSafeInteger(limit)) {
    return limit;
  }
  const big = BigInt(Math.trunc(limit));
  return big >= BigInt(LONG_MAX) ? LONG_MAX : big.toString();
}

/** The stored form of a body (`afterToProto`): the device field by type, the proto's field names. */
function toStored(body: Record<string, any>): Record<string, any> {
  const { deviceType, deviceId, creationTimestampMs, limit, ...rest } = body;
  return {
    ...rest,
    [DEVICE_FIELDS[deviceType as DeviceType]]: deviceId,
    // The model's field initialiser: the time the body was read.
    createTimestampMs: creationTimestampMs ?? Date.now(),
    limit: storedLimit(limit),
    enabled: rest.enabled ?? false,
  };
}

const render = (ctx: RequestContext, traces: StoredObject[]): unknown[] => traces.map((t) => traceView.render(ctx, t));

const tenantOf = (ctx: RequestContext, kind: string, id: string): unknown => ctx.tx.find(kind, id)?.tenantId;

/** `listFilter ?tenant_id=`: the tenant of the device (a port's bridge or router); VXLAN ports never match. */
function deviceTenant(ctx: RequestContext, trace: StoredObject): unknown {
  const device = deviceOf(trace);
  if (!device) {
    return undefined;
  }
  if (device.type === "BRIDGE") {
    return tenantOf(ctx, "Network", device.id);
  }
  if (device.type === "ROUTER") {
    return tenantOf(ctx, "Router", device.id);
  }
  const port = ctx.tx.find("Port", device.id);
  if (!port || port.vtepId) {
    return undefined;
  }
  if (typeof port.networkId === "string") {
    return tenantOf(ctx, "Network", port.networkId);
  }
  return typeof port.routerId === "string" ? tenantOf(ctx, "Router", port.routerId) : undefined;
}

function list(ctx: RequestContext): Reply {
  const tenant = ctx.query.get("tenant_id");
  let traces = ctx.tx.list(TRACE_KIND);
  if (tenant !== null) {
    traces = traces.filter((trace) => deviceTenant(ctx, trace) === tenant);
  }
  return ok(serialize(render(ctx, traces)));
}

function create(ctx: RequestContext): Reply {
  const stored = ctx.tx.create(TRACE_KIND, toStored(ctx.writable()));
  return created(traceView.uri(ctx, stored));
}

/** The generic update: the body is stored as given, under the body's id (no model `update()`). */
function update(ctx: RequestContext): Reply {
  ctx.tx.get(TRACE_KIND, ctx.params.id!);
  const body = ctx.writable();
  ctx.tx.update(TRACE_KIND, { ...toStored(body), id: body.id ?? ZERO_UUID });
  return noContent();
}

const traces = defineCrud({ kind: TRACE_KIND, view: traceView, deleteMissing: 204 });

export const group: ResourceGroup = {
  name: "traces",
  handlers: {
    listTraceRequests: list,
    getTraceRequest: (ctx) => ok(serialize(traceView.render(ctx, ctx.tx.get(TRACE_KIND, ctx.params.id!)))),
    createTraceRequest: create,
    updateTraceRequest: update,
    deleteTraceRequest: traces.delete,
  },
};
