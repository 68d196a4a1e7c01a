/**
 * The L2-insertion translation of MidoNet (`midonet-cluster/.../c3po/translators/L2InsertionTranslation.scala`),
 * which the REST resource runs inside its transaction: every port involved gets two redirect chains
 * (`l2insertionInfilterId` / `l2insertionOutfilterId`, created on first use), the service port's inbound chain gets
 * two jump rules per insertion, and the protected port's chains are rebuilt from its insertions sorted by position.
 *
 * Rules are stored in the REST rule model (`type` "jump" / "l2_transform", the condition fields flat), so that
 * `/chains/{id}/rules` shows them. The insertion logic's errors are `IllegalArgumentException`s caught by
 * `MidonetResource.tryTx`'s catch-all: 500 with the message.
 */
import { randomUUID } from "node:crypto";
import { HttpError } from "../../http/errors.js";
import type { StoredObject, Transaction } from "../../store/store.js";

export const L2_INSERTION_KIND = "L2Insertion";
const PORT_KIND = "Port";
const CHAIN_KIND = "Chain";
const RULE_KIND = "Rule";

const PCP_IN_MASK = 1 << 13;
const PCP_OUT_MASK = 2 << 13;
const PCP_FINAL_MASK = 1 << 15;

export const internalError = (message: string | null): HttpError => new HttpError(500, message);

interface Chains {
  inChain: string;
  outChain: string;
}

function newChain(tx: Transaction, name: string): string {
  return tx.create(CHAIN_KIND, { id: randomUUID(), name, ruleIds: [] }).id;
}

/** `ensureRedirectChains`: the port's redirect chains, created when missing (404 for a missing port). */
function ensureRedirectChains(tx: Transaction, portId: string): Chains {
  const port = tx.get(PORT_KIND, portId);
  const inChain = (port.l2insertionInfilterId as string | undefined) ?? newChain(tx, `InboundRedirect${port.id}`);
  const outChain = (port.l2insertionOutfilterId as string | undefined) ?? newChain(tx, `OutboundRedirect${port.id}`);
  if (inChain !== port.l2insertionInfilterId || outChain !== port.l2insertionOutfilterId) {
    tx.update(PORT_KIND, { ...port, l2insertionInfilterId: inChain, l2insertionOutfilterId: outChain });
  }
  tx.get(CHAIN_KIND, inChain);
  tx.get(CHAIN_KIND, outChain);
  return { inChain, outChain };
}

function ruleIdsOf(tx: Transaction, chainId: string): string[] {
  return [...((tx.get(CHAIN_KIND, chainId).ruleIds as string[] | undefined) ?? [])];
}

/** Writes a chain's rule order (the rules must already reference the chain). */
function setRuleIds(tx: Transaction, chainId: string, ruleIds: string[]): void {
  tx.update(CHAIN_KIND, { ...tx.get(CHAIN_KIND, chainId), ruleIds });
}

function createRule(tx: Transaction, rule: Record<string, unknown>): string {
  return tx.create(RULE_KIND, { id: randomUUID(), ...rule }).id;
}

/** The ordering key of a proto UUID's `toString` (protobuf text format, unsigned halves). */
function protoUuidText(id: string): string {
  const hex = id.replace(/-/g, "");
  return `msb: ${BigInt(`0x${hex.slice(0, 16)}`)}\nlsb: ${BigInt(`0x${hex.slice(16)}`)}\n`;
}

/** `InsertOrdering`: position, then port id, then service port id (compared as protobuf text). */
function byPosition(a: StoredObject, b: StoredObject): number {
  const position = (a.position ?? 0) - (b.position ?? 0);
  if (position !== 0) {
    return position;
  }
  for (const field of ["portId", "srvPortId"]) {
    const left = protoUuidText(a[field]);
    const right = protoUuidText(b[field]);
    if (left !== right) {
      return left < right ? -1 : 1;
    }
  }
  return 0;
}

/** `removeServicePortRules`: the binding CLEAR takes the deleted rules out of the service chain's list. */
function removeServicePortRules(tx: Transaction, insertion: StoredObject): void {
  for (const ruleId of [insertion.srvRuleInId, insertion.srvRuleOutId]) {
    if (typeof ruleId === "string") {
      tx.delete(RULE_KIND, ruleId, { ignoreMissing: true });
    }
  }
}

/** `addServicePortRules`: two jump rules at the end of the service port's inbound chain; returns their ids. */
function addServicePortRules(tx: Transaction, srvInChain: string, target: Chains, insertion: Record<string, any>) {
  const vlan = insertion.vlan ?? 0;
  const inChainName = tx.get(CHAIN_KIND, target.inChain).name ?? null;
  const outChainName = tx.get(CHAIN_KIND, target.outChain).name ?? null;
  const before = ruleIdsOf(tx, srvInChain);
  const srvRuleInId = createRule(tx, {
    chainId: srvInChain,
    type: "jump",
    jumpChainId: target.inChain,
    jumpChainName: inChainName,
    dlSrc: insertion.mac,
    ...(vlan !== 0 ? { vlan: vlan | PCP_IN_MASK } : {}),
  });
  const srvRuleOutId = createRule(tx, {
    chainId: srvInChain,
    type: "jump",
    jumpChainId: target.outChain,
    jumpChainName: outChainName,
    dlDst: insertion.mac,
    ...(vlan !== 0 ? { vlan: vlan | PCP_OUT_MASK } : {}),
  });
  setRuleIds(tx, srvInChain, [...before, srvRuleInId, srvRuleOutId]);
  return { srvRuleInId, srvRuleOutId };
}

function redirect(chainId: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { chainId, type: "l2_transform", flowAction: "redirect", ...fields };
}

/** `cleanChain` + `buildInsertionChains`: deletes the chains' rules and rebuilds them from `insertions`. */
function rebuildChains(tx: Transaction, chains: Chains, insertions: StoredObject[]): void {
  for (const chainId of [chains.inChain, chains.outChain]) {
    for (const ruleId of ruleIdsOf(tx, chainId)) {
      tx.delete(RULE_KIND, ruleId, { ignoreMissing: true });
    }
  }
  const inRules: string[] = [];
  const outRules: string[] = [];
  let previous: StoredObject | undefined;
  for (const current of insertions) {
    const vlan = current.vlan ?? 0;
    const inRule: Record<string, any> = redirect(chains.inChain, {
      targetPortId: current.srvPortId,
      ingress: false,
      failOpen: current.failOpen ?? false,
      dlSrc: current.mac,
      ...(vlan !== 0 ? { pushVlan: vlan | PCP_IN_MASK } : {}),
    });
    const outRule: Record<string, any> = redirect(chains.outChain, {
      targetPortId: current.srvPortId,
      ingress: false,
      failOpen: current.failOpen ?? false,
      dlDst: current.mac,
      ...(vlan !== 0 ? { pushVlan: vlan | PCP_OUT_MASK } : {}),
    });
    if (!previous) {
      inRule.inPorts = [current.portId];
    } else {
      inRule.inPorts = [previous.srvPortId];
      outRule.inPorts = [previous.srvPortId];
      const previousVlan = previous.vlan ?? 0;
      if (previousVlan !== 0) {
        Object.assign(inRule, { popVlan: true, vlan: previousVlan | PCP_IN_MASK });
        Object.assign(outRule, { popVlan: true, vlan: previousVlan | PCP_OUT_MASK });
      }
    }
    inRules.unshift(createRule(tx, inRule));
    outRules.unshift(createRule(tx, outRule));
    previous = current;
  }
  if (previous) {
    const end = previous;
    const vlan = end.vlan ?? 0;
    const endIn: Record<string, any> = redirect(chains.inChain, {
      dlSrc: end.mac,
      inPorts: [end.srvPortId],
      targetPortId: end.portId,
      ingress: true,
      failOpen: false,
      pushVlan: PCP_FINAL_MASK,
    });
    const endIn2 = {
      chainId: chains.inChain,
      type: "l2_transform",
      flowAction: "accept",
      dlSrc: end.mac,
      inPorts: [end.portId],
      vlan: PCP_FINAL_MASK,
      popVlan: true,
    };
    const endOut: Record<string, any> = redirect(chains.outChain, {
      dlDst: end.mac,
      inPorts: [end.srvPortId],
      targetPortId: end.portId,
      ingress: false,
      failOpen: false,
    });
    if (vlan !== 0) {
      Object.assign(endIn, { vlan: vlan | PCP_IN_MASK, popVlan: true });
      Object.assign(endOut, { vlan: vlan | PCP_OUT_MASK, popVlan: true });
    }
    const endInId = createRule(tx, endIn);
    const endIn2Id = createRule(tx, endIn2);
    const endOutId = createRule(tx, endOut);
    inRules.unshift(endInId);
    inRules.unshift(endIn2Id);
    outRules.unshift(endOutId);
  }
  setRuleIds(tx, chains.inChain, inRules);
  setRuleIds(tx, chains.outChain, outRules);
}

/** `getAndValidatePorts`: a protected port cannot be a service port and the other way round. */
function validatePorts(tx: Transaction, insertion: StoredObject): StoredObject {
  const port = tx.get(PORT_KIND, insertion.portId);
  if ((port.srvInsertionIds ?? []).length > 0) {
    throw internalError(`Protected port ${insertion.portId} can't have a service`);
  }
  const srvPort = tx.get(PORT_KIND, insertion.srvPortId);
  if ((srvPort.insertionIds ?? []).length > 0) {
    throw internalError(`Service port ${insertion.srvPortId} can't have an insertion`);
  }
  return port;
}

function rejectDuplicate(insertions: StoredObject[], insertion: StoredObject): void {
  const duplicate = insertions.some(
    (i) => i.id !== insertion.id && i.portId === insertion.portId && i.srvPortId === insertion.srvPortId,
  );
  if (duplicate) {
    throw internalError("Insertion for same port/srvPort pair already exists");
  }
}

/** `translateInsertionCreate`. */
export function createInsertion(tx: Transaction, insertion: Record<string, any> & { id: string }): StoredObject {
  const chains = ensureRedirectChains(tx, insertion.portId);
  const srvChains = ensureRedirectChains(tx, insertion.srvPortId);
  const srvRules = addServicePortRules(tx, srvChains.inChain, chains, insertion);
  const stored = tx.create(L2_INSERTION_KIND, { ...insertion, ...srvRules });
  const port = validatePorts(tx, stored);
  const insertions = tx.getAll(L2_INSERTION_KIND, port.insertionIds);
  rejectDuplicate(insertions, stored);
  rebuildChains(tx, chains, [...insertions].sort(byPosition));
  return stored;
}

/** `translateInsertionUpdate`: the insertion named by the body's id is rewritten; its ports cannot change. */
export function updateInsertion(tx: Transaction, insertion: Record<string, any> & { id: string }): void {
  const chains = ensureRedirectChains(tx, insertion.portId);
  const srvChains = ensureRedirectChains(tx, insertion.srvPortId);
  const old = tx.get(L2_INSERTION_KIND, insertion.id);
  if (old.portId !== insertion.portId || old.srvPortId !== insertion.srvPortId) {
    throw internalError("Port/SrvPort can't be changed for an insertion");
  }
  removeServicePortRules(tx, old);
  const srvRules = addServicePortRules(tx, srvChains.inChain, chains, insertion);
  const stored = tx.update(L2_INSERTION_KIND, { ...insertion, ...srvRules });
  const port = validatePorts(tx, stored);
  const others = tx.getAll(L2_INSERTION_KIND, port.insertionIds).filter((i) => i.id !== stored.id);
  rejectDuplicate(others, stored);
  rebuildChains(tx, chains, [...others, stored].sort(byPosition));
}

/** `translateInsertionDelete` (not idempotent: a missing insertion is a 500). */
export function deleteInsertion(tx: Transaction, id: string): void {
  const insertion = tx.find(L2_INSERTION_KIND, id);
  if (!insertion) {
    throw internalError(`Insertion ${id} doesn't exist`);
  }
  const chains = ensureRedirectChains(tx, insertion.portId);
  ensureRedirectChains(tx, insertion.srvPortId);
  removeServicePortRules(tx, insertion);
  const port = validatePorts(tx, insertion);
  const remaining = tx.getAll(L2_INSERTION_KIND, port.insertionIds).filter((i) => i.id !== id);
  rebuildChains(tx, chains, remaining.sort(byPosition));
  tx.delete(L2_INSERTION_KIND, id, { ignoreMissing: true });
}
