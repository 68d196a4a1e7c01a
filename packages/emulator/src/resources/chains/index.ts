/**
 * Group "chains": /chains and /chains/{id} (reference §7.1, §9.7, `RS/ChainResource.scala`). Storage kind `Chain`;
 * its rules go with it (binding `Chain.rule_ids` CASCADE) and the filters of bridges, routers and ports pointing at
 * it are cleared. Chains cannot be updated (no `@AllowUpdate`, so `PUT` is not an operation).
 */
import { defineCrud } from "../crud.js";
import type { ResourceGroup } from "../types.js";
import { CHAIN_KIND, chainView } from "./view.js";

const RULE_KIND = "Rule";

const chains = defineCrud({
  kind: CHAIN_KIND,
  view: chainView,
  hidden: { ruleIds: [], jumpRuleIds: [] },
  deleteMissing: 404,
  filters: { tenant_id: "tenantId" },
  beforeDelete(ctx, current) {
    // ChainResource.deleteFilter: the jump rules targeting the chain are deleted first (no storage binding on
    // `jump_chain_id`). A stale id in `jumpRuleIds` makes that delete fail with 404, as ZOOM's does.
    for (const ruleId of current?.jumpRuleIds ?? []) {
      ctx.tx.delete(RULE_KIND, ruleId);
    }
  },
});

export const group: ResourceGroup = {
  name: "chains",
  handlers: {
    listChains: chains.list,
    getChain: chains.get,
    createChain: chains.create,
    deleteChain: chains.delete,
  },
};
