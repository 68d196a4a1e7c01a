/**
 * Group "rules": /chains/{id}/rules and /rules/{id} (reference §7.2, §9.8, `RS/RuleResource.scala`
 * `RuleResource`, `ChainRuleResource`). A rule lives in its chain's `ruleIds` list, whose order is the rule order;
 * a jump rule is also listed in its target chain's `jumpRuleIds` (kept by hand: there is no storage binding on
 * `jump_chain_id`). Rules cannot be updated.
 */
import { badRequest, notFound } from "../../http/errors.js";
import { created, noContent, ok } from "../replies.js";
import type { RequestContext, ResourceGroup } from "../types.js";
import { RULE_KIND, readRuleBody, storedRule } from "./model.js";
import { renderRule, ruleUri } from "./view.js";

const CHAIN_KIND = "Chain";

function positionOf(ctx: RequestContext, chainId: string, ruleId: string): number {
  const chain = ctx.tx.get(CHAIN_KIND, chainId);
  return ((chain.ruleIds as string[] | undefined) ?? []).indexOf(ruleId) + 1;
}

function listChainRules(ctx: RequestContext) {
  const chain = ctx.tx.get(CHAIN_KIND, ctx.params.id!);
  const rules = ctx.tx.getAll(RULE_KIND, chain.ruleIds as string[] | undefined);
  return ok(rules.map((rule, index) => renderRule(ctx, rule, index + 1)));
}

/** `ChainRuleResource.createFilter`: create, then insert at `position` (1-based, up to n + 1), then the jump target. */
function createChainRule(ctx: RequestContext) {
  const chainId = ctx.params.id!;
  const body = readRuleBody(ctx);
  const position = body.position === 0 || body.position === undefined ? 1 : (body.position as number);
  // Rule.create() clears chainId; the chain's rule list sets it back through the binding.
  const rule = ctx.tx.create(RULE_KIND, storedRule(body));
  const chain = ctx.tx.get(CHAIN_KIND, chainId);
  const ruleIds = [...((chain.ruleIds as string[] | undefined) ?? [])];
  if (position <= 0 || position > ruleIds.length + 1) {
    throw badRequest("Position exceeds number of rules in chain");
  }
  ruleIds.splice(position - 1, 0, rule.id);
  ctx.tx.update(CHAIN_KIND, { ...chain, ruleIds });
  if (rule.type === "jump") {
    const target = ctx.tx.get(CHAIN_KIND, rule.jumpChainId as string);
    const jumpRuleIds = [...((target.jumpRuleIds as string[] | undefined) ?? []), rule.id];
    ctx.tx.update(CHAIN_KIND, { ...target, jumpRuleIds });
  }
  return created(ruleUri(ctx, rule.id));
}

function getRule(ctx: RequestContext) {
  const rule = ctx.tx.get(RULE_KIND, ctx.params.id!);
  return ok(renderRule(ctx, rule, positionOf(ctx, rule.chainId as string, rule.id)));
}

/** `RuleResource.deleteFilter`: out of the chain's list (404 "Rule chain not found" if absent), then the target's. */
function deleteRule(ctx: RequestContext) {
  const rule = ctx.tx.get(RULE_KIND, ctx.params.id!);
  const chain = ctx.tx.get(CHAIN_KIND, rule.chainId as string);
  const ruleIds = (chain.ruleIds as string[] | undefined) ?? [];
  if (!ruleIds.includes(rule.id)) {
    throw notFound("Rule chain not found");
  }
  ctx.tx.update(CHAIN_KIND, { ...chain, ruleIds: ruleIds.filter((id) => id !== rule.id) });
  if (rule.type === "jump" && rule.jumpChainId) {
    const target = ctx.tx.get(CHAIN_KIND, rule.jumpChainId as string);
    const jumpRuleIds = ((target.jumpRuleIds as string[] | undefined) ?? []).filter((id) => id !== rule.id);
    ctx.tx.update(CHAIN_KIND, { ...target, jumpRuleIds });
  }
  ctx.tx.delete(RULE_KIND, rule.id);
  return noContent();
}

export const group: ResourceGroup = {
  name: "rules",
  handlers: { listChainRules, createChainRule, getRule, deleteRule },
};
