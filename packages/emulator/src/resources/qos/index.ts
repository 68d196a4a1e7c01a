/**
 * Group "qos": /qos_policies (+ {id}, /qos_bw_limit_rules, /qos_dscp_rules), /qos_bw_limit_rules/{id} and
 * /qos_dscp_rules/{id} (reference §7.1, §9.34, `RS/QosPolicyResource.scala`, `RS/QosRuleBandwidthLimitResource.scala`,
 * `RS/QosRuleDscpResource.scala`). Deleting a policy deletes its rules and clears `qosPolicyId` on ports and
 * bridges (binding table).
 */
import type { Reply } from "../../http/response.js";
import { defineCrud } from "../crud.js";
import { created, noContent, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import type { View } from "../view.js";
import { createRule, type EmbeddedRule, synchroniseRules } from "./embedded-rules.js";
import { BW_RULE_KIND, bwRuleView, DSCP_RULE_KIND, dscpRuleView, POLICY_KIND, policyView } from "./view.js";

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

/** The stored policy fields of a body: `tenant_id` is the proto's `tenantId`; `rules` is not stored. */
function policyFields(body: Record<string, any>): { fields: Record<string, any>; rules: EmbeddedRule[] | undefined } {
  const { tenant_id, rules, ...rest } = body;
  return { fields: { ...rest, ...(tenant_id !== undefined ? { tenantId: tenant_id } : {}) }, rules };
}

function createPolicy(ctx: RequestContext): Reply {
  const { fields, rules } = policyFields(ctx.writable());
  const policy = ctx.tx.create(POLICY_KIND, { bandwidthLimitRuleIds: [], dscpMarkingRuleIds: [], ...fields });
  for (const rule of rules ?? []) {
    createRule(ctx.tx, policy.id, rule);
  }
  return created(policyView.uri(ctx, policy));
}

/** `QosPolicy.update(from)` keeps id, rule lists, ports and bridges; then `rules` (when present) is synchronised. */
function updatePolicy(ctx: RequestContext): Reply {
  const current = ctx.tx.get(POLICY_KIND, ctx.params.id!);
  const { fields, rules } = policyFields(ctx.writable());
  ctx.tx.update(POLICY_KIND, {
    ...fields,
    id: current.id,
    bandwidthLimitRuleIds: current.bandwidthLimitRuleIds ?? [],
    dscpMarkingRuleIds: current.dscpMarkingRuleIds ?? [],
    portIds: current.portIds ?? [],
    networkIds: current.networkIds ?? [],
  });
  if (rules !== undefined) {
    synchroniseRules(ctx.tx, current, rules);
  }
  return noContent();
}

const policies = defineCrud({ kind: POLICY_KIND, view: policyView, deleteMissing: 204 });

/** The handlers of one rule kind: nested list/create under a policy, top-level get/update/delete. */
function ruleHandlers(kind: string, view: View, listField: string) {
  const crud = defineCrud({ kind, view, deleteMissing: 204 });
  return {
    list(ctx: RequestContext): Reply {
      const policy = ctx.tx.get(POLICY_KIND, ctx.params.id!);
      return ok(ctx.tx.getAll(kind, policy[listField]).map((rule) => view.render(ctx, rule)));
    },
    /** `create()` nulls the body's policyId, `createFilter` sets the path's (the binding's 404 when missing). */
    create(ctx: RequestContext): Reply {
      const stored = ctx.tx.create(kind, { ...ctx.writable(), policyId: ctx.params.id! });
      return created(view.uri(ctx, stored));
    },
    get: crud.get,
    /** The generic update without a model `update()`: the body is stored as given, under the body's id. */
    update(ctx: RequestContext): Reply {
      ctx.tx.get(kind, ctx.params.id!);
      const body = ctx.writable();
      ctx.tx.update(kind, { ...body, id: body.id ?? ZERO_UUID });
      return noContent();
    },
    delete: crud.delete,
  };
}

const bwRules = ruleHandlers(BW_RULE_KIND, bwRuleView, "bandwidthLimitRuleIds");
const dscpRules = ruleHandlers(DSCP_RULE_KIND, dscpRuleView, "dscpMarkingRuleIds");

export const group: ResourceGroup = {
  name: "qos",
  handlers: {
    listQosPolicies: policies.list,
    getQosPolicy: policies.get,
    createQosPolicy: createPolicy,
    updateQosPolicy: updatePolicy,
    deleteQosPolicy: policies.delete,
    listQosPolicyBwLimitRules: bwRules.list,
    createQosPolicyBwLimitRule: bwRules.create,
    listQosPolicyDscpRules: dscpRules.list,
    createQosPolicyDscpRule: dscpRules.create,
    getQosBwLimitRule: bwRules.get,
    updateQosBwLimitRule: bwRules.update,
    deleteQosBwLimitRule: bwRules.delete,
    getQosDscpRule: dscpRules.get,
    updateQosDscpRule: dscpRules.update,
    deleteQosDscpRule: dscpRules.delete,
  },
};
