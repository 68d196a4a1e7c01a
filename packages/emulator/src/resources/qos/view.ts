/**
 * The QosPolicy, QosRuleBandwidthLimit and QosRuleDscp JSON (reference §9.34, `MM/QosPolicy.java`,
 * `MM/QosRuleBandwidthLimit.java`, `MM/QosRuleDscp.java`). The policy's JSON name for its tenant is `tenant_id`
 * (stored as the proto's `tenantId`); its write-only `rules` always reads back null.
 */
import { defineView, sub } from "../view.js";

export const POLICY_KIND = "QosPolicy";
export const BW_RULE_KIND = "QosRuleBandwidthLimit";
export const DSCP_RULE_KIND = "QosRuleDscp";

export const policyView = defineView({
  schema: "QosPolicy",
  path: (policy) => `/qos_policies/${policy.id}`,
  fields: {
    tenant_id: (policy) => policy.tenantId ?? null,
    rules: () => null,
    bwLimitRules: sub("qos_bw_limit_rules"),
    dscpRules: sub("qos_dscp_rules"),
  },
});

export const bwRuleView = defineView({
  schema: "QosRuleBandwidthLimit",
  path: (rule) => `/qos_bw_limit_rules/${rule.id}`,
});

export const dscpRuleView = defineView({
  schema: "QosRuleDscp",
  path: (rule) => `/qos_dscp_rules/${rule.id}`,
});
