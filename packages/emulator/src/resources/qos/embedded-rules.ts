/**
 * The write-only `rules` of a QoS policy (`RS/QosPolicyResource.scala`): on create each element becomes a
 * top-level rule of the policy; on update, when `rules` is present, the policy's rules are synchronised by id
 * (new ids created, missing ones deleted, common ones updated). The resource's Scala failures are 500s: an unknown
 * `type` is a MatchError, a null `dscp_mark` (and a null `max_kbps` on an update) a NullPointerException without
 * message.
 */
import { randomUUID } from "node:crypto";
import { HttpError } from "../../http/errors.js";
import type { StoredObject, Transaction } from "../../store/store.js";
import { BW_RULE_KIND, DSCP_RULE_KIND } from "./view.js";

const BW_LIMIT = "bandwidth_limit";
const DSCP = "dscp_marking";

export interface EmbeddedRule {
  id?: string;
  type: string;
  max_kbps?: number | null;
  max_burst_kbps?: number | null;
  dscp_mark?: number | null;
}

const matchError = (type: unknown): HttpError => new HttpError(500, `${String(type)} (of class java.lang.String)`);
const nullPointer = (): HttpError => new HttpError(500, null);

/** `createTopLevelRuleForPolicy`. */
export function createRule(tx: Transaction, policyId: string, rule: EmbeddedRule): void {
  // An element without id: the proto gets no id (the emulator picks one rather than failing).
  const id = rule.id ?? randomUUID();
  if (rule.type === BW_LIMIT) {
    tx.create(BW_RULE_KIND, {
      id,
      maxKbps: rule.max_kbps ?? 0,
      ...(rule.max_burst_kbps != null ? { maxBurstKb: rule.max_burst_kbps } : {}),
      policyId,
    });
  } else if (rule.type === DSCP) {
    if (rule.dscp_mark == null) {
      throw nullPointer();
    }
    tx.create(DSCP_RULE_KIND, { id, dscpMark: rule.dscp_mark, policyId });
  } else {
    throw matchError(rule.type);
  }
}

/** `checkAndUpdateTopLevelRule`: the rule is read as the element's type says (404 if it is not one). */
function updateRule(tx: Transaction, id: string, rule: EmbeddedRule): void {
  if (rule.type === BW_LIMIT) {
    const stored = tx.get(BW_RULE_KIND, id);
    if (rule.max_kbps == null) {
      throw nullPointer();
    }
    const burst = rule.max_burst_kbps ?? null;
    if (stored.maxKbps !== rule.max_kbps || (stored.maxBurstKb ?? null) !== burst) {
      tx.update(BW_RULE_KIND, { ...stored, maxKbps: rule.max_kbps, maxBurstKb: burst });
    }
  } else if (rule.type === DSCP) {
    const stored = tx.get(DSCP_RULE_KIND, id);
    if (rule.dscp_mark == null) {
      throw nullPointer();
    }
    if (stored.dscpMark !== rule.dscp_mark) {
      tx.update(DSCP_RULE_KIND, { ...stored, dscpMark: rule.dscp_mark });
    }
  } else {
    throw matchError(rule.type);
  }
}

/** The update's synchronisation, against the rule lists the policy had before the update. */
export function synchroniseRules(tx: Transaction, previous: StoredObject, rules: EmbeddedRule[]): void {
  const oldBw = new Set<string>(previous.bandwidthLimitRuleIds ?? []);
  const oldDscp = new Set<string>(previous.dscpMarkingRuleIds ?? []);
  const wanted = new Map<string, EmbeddedRule>();
  for (const rule of rules) {
    wanted.set(rule.id ?? "", rule);
  }
  for (const [id, rule] of wanted) {
    if (!oldBw.has(id) && !oldDscp.has(id)) {
      createRule(tx, previous.id, { ...rule, id: rule.id });
    }
  }
  for (const id of [...oldBw, ...oldDscp]) {
    if (!wanted.has(id)) {
      tx.delete(oldBw.has(id) ? BW_RULE_KIND : DSCP_RULE_KIND, id, { ignoreMissing: true });
    }
  }
  for (const [id, rule] of wanted) {
    if (oldBw.has(id) || oldDscp.has(id)) {
      updateRule(tx, id, rule);
    }
  }
}
