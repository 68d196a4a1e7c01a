/**
 * The Rule JSON (reference §9.8, `MM/Rule.java` and its subclasses): the schema of the rule's type, every condition
 * field, `position` = the rule's 1-based index in its chain (computed on read, `RuleResource.getFilter`,
 * `ChainRuleResource.listFilter`), `meterName` null (not a proto field) and the trace rule's `requestId`/`limit`
 * null/0 (not stored).
 */
import type { StoredObject } from "../../store/store.js";
import type { RequestContext } from "../types.js";
import { defineView, type View } from "../view.js";

const SCHEMAS: Record<string, string> = {
  accept: "AcceptRule",
  drop: "DropRule",
  reject: "RejectRule",
  return: "ReturnRule",
  jump: "JumpRule",
  dnat: "DnatRule",
  snat: "SnatRule",
  rev_dnat: "RevDnatRule",
  rev_snat: "RevSnatRule",
  l2_transform: "L2TransformRule",
  trace: "TraceRule",
};

const views = new Map<string, View>(
  Object.entries(SCHEMAS).map(([type, schema]) => [
    type,
    defineView({
      schema,
      path: (rule) => `/rules/${rule.id}`,
      fields: {
        position: (rule) => rule.position ?? 0,
        meterName: () => null,
        requestId: () => null,
        limit: () => 0,
      },
    }),
  ]),
);

/** Renders a stored rule at a known position of its chain. */
export function renderRule(ctx: RequestContext, rule: StoredObject, position: number): Record<string, unknown> {
  const view = views.get(rule.type) ?? views.get("accept")!;
  return view.render(ctx, { ...rule, position });
}

export const ruleUri = (ctx: RequestContext, id: string): string => ctx.uri(`/rules/${id}`);
