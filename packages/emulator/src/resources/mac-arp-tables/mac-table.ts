/**
 * /bridges/{id}/mac_table and /bridges/{id}/vlans/{vlanId}/mac_table (`RS/BridgeMacTableResource.scala`). MidoNet
 * keeps these in per-VLAN state tables, not in the object store; here each VLAN table is a stored `BridgeMacTable`
 * object (id `<bridgeId>/<vlan>`), created on first use like the state table's directory, so that a VLAN "has a
 * table" exactly when MidoNet's `tableArguments` would list it. Entries keep the MAC as written.
 */
import { badRequest, HttpError, notFound } from "../../http/errors.js";
import type { StoredObject, Transaction } from "../../store/store.js";
import { PORT_KIND } from "../ports/model.js";
import { created, noContent, ok } from "../replies.js";
import type { Handler, RequestContext } from "../types.js";
import { macToUri, macValue } from "./mac.js";

export const MAC_TABLE_KIND = "BridgeMacTable";

interface MacEntry {
  mac: string;
  portId: string;
}

const tableId = (bridgeId: string, vlan: number) => `${bridgeId}/${vlan}`;

/** The VLANs with a table, in creation order (`bridgeVlanIds`). */
export function vlanTables(tx: Transaction, bridgeId: string): StoredObject[] {
  return tx.list(MAC_TABLE_KIND).filter((table) => table.bridgeId === bridgeId);
}

function entriesOf(table: StoredObject | undefined): MacEntry[] {
  return (table?.entries as MacEntry[] | undefined) ?? [];
}

/** `validateVlanId`: 404 "The specified bridge has no ports assigned to VLAN n." when the VLAN has no table. */
function existingTable(ctx: RequestContext, vlan: number): StoredObject {
  const table = ctx.tx.find(MAC_TABLE_KIND, tableId(ctx.params.id!, vlan));
  if (!table) {
    throw notFound(`The specified bridge has no ports assigned to VLAN ${vlan}.`);
  }
  return table;
}

/** The VLAN of the path (`vlanOption`), or undefined on the untagged paths. */
function pathVlan(ctx: RequestContext): number | undefined {
  return ctx.params.vlanId === undefined ? undefined : Number(ctx.params.vlanId);
}

/** `MacPort` JSON; the VLAN segment of the uri only for a non-zero VLAN (`MM/MacPort.java` `getUri`). */
function render(ctx: RequestContext, bridgeId: string, mac: string, portId: string, vlan: number) {
  const vlanPart = vlan !== 0 ? `/vlans/${vlan}` : "";
  return {
    macAddr: mac,
    portId,
    vlanId: vlan,
    uri: ctx.uri(`/bridges/${bridgeId}${vlanPart}/mac_table/${macToUri(mac)}_${portId}`),
  };
}

/** `parseMacPort`: the `{mac}_{portId}` of the path; 400 MAC_URI_FORMAT for a malformed MAC (`-` or `:`). */
function pathEntry(ctx: RequestContext): { mac: string; value: string; portId: string } {
  const mac = ctx.params.macAddress!.replace(/-/g, ":");
  const value = macValue(mac);
  if (value === undefined) {
    throw badRequest(
      "MAC address must consist of six pairs of hex digits separated by hyphens, e.g., 12-34-56-78-9a-bc.",
    );
  }
  return { mac, value, portId: ctx.params.portId!.toLowerCase() };
}

const list: Handler = (ctx) => {
  const bridgeId = ctx.params.id!;
  const vlan = pathVlan(ctx);
  const tables = vlan === undefined ? vlanTables(ctx.tx, bridgeId) : [existingTable(ctx, vlan)];
  return ok(
    tables.flatMap((table) =>
      entriesOf(table).map((entry) => render(ctx, bridgeId, entry.mac, entry.portId, table.vlanId as number)),
    ),
  );
};

const create: Handler = (ctx) => {
  const body = ctx.body as Record<string, any>;
  const bridgeId = ctx.params.id!;
  const vlan = pathVlan(ctx) ?? (body.vlanId as number | undefined) ?? 0;
  const value = macValue(body.macAddr);
  if (value === undefined) {
    throw badRequest("MAC address string must be 6 words of 1 or 2 hex digits joined with 5 ':'");
  }
  const port = ctx.tx.get(PORT_KIND, body.portId);
  if (port.networkId !== bridgeId) {
    throw badRequest("The port must belong to the bridge that owns the MAC table.");
  }
  const portVlan = (port.vlanId as number | undefined) ?? 0;
  if (portVlan !== 0 && portVlan !== vlan) {
    throw badRequest(`The specified port handles traffic only for VLAN ${portVlan}.`);
  }
  const id = tableId(bridgeId, vlan);
  const table = ctx.tx.find(MAC_TABLE_KIND, id);
  const entries = entriesOf(table);
  if (entries.some((entry) => macValue(entry.mac) === value && entry.portId === port.id)) {
    // `addPersistent` of an existing entry: a StateAccessException `tryLegacyWrite` does not map.
    throw new HttpError(500, `The MAC-port entry ${body.macAddr} ${port.id} already exists.`);
  }
  const next = { id, bridgeId, vlanId: vlan, entries: [...entries, { mac: body.macAddr, portId: port.id }] };
  if (table) {
    ctx.tx.update(MAC_TABLE_KIND, next);
  } else {
    ctx.tx.create(MAC_TABLE_KIND, next);
  }
  return created(render(ctx, bridgeId, body.macAddr, port.id, vlan).uri);
};

const get: Handler = (ctx) => {
  const { mac, value, portId } = pathEntry(ctx);
  const vlan = pathVlan(ctx) ?? 0;
  const table = existingTable(ctx, vlan);
  if (!entriesOf(table).some((entry) => macValue(entry.mac) === value && entry.portId === portId)) {
    throw notFound("The specified bridge does not have the specified MAC-port mapping.");
  }
  return ok(render(ctx, ctx.params.id!, mac, portId, vlan));
};

const remove: Handler = (ctx) => {
  const { value, portId } = pathEntry(ctx);
  const table = existingTable(ctx, pathVlan(ctx) ?? 0);
  const entries = entriesOf(table);
  const kept = entries.filter((entry) => !(macValue(entry.mac) === value && entry.portId === portId));
  if (kept.length !== entries.length) {
    ctx.tx.update(MAC_TABLE_KIND, { ...table, entries: kept });
  }
  return noContent();
};

export const macTableHandlers = {
  listBridgeMacPorts: list,
  createBridgeMacPort: create,
  getBridgeMacPort: get,
  deleteBridgeMacPort: remove,
  listBridgeVlanMacPorts: list,
  createBridgeVlanMacPort: create,
  getBridgeVlanMacPort: get,
  deleteBridgeVlanMacPort: remove,
};
