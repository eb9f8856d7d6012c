import type { MedusaContainer } from "@medusajs/framework/types"
import type { ILoyaltyModuleService } from "../../modules/loyalty/service"
import { CrmModules } from "../../types/modules"
import type { TierEvaluationResult } from "../../types/tiers"
import { evaluateTiersWorkflow } from "./workflows/evaluate-tiers"
import { processTierChangesWorkflow } from "./workflows/process-tier-changes"
import { syncTierGroupsWorkflow } from "./workflows/sync-tier-groups"

const CHANGES_PER_RUN = 500
const MEMBERS_PER_PAGE = 1000

/**
 * The `order.placed` and sign-up path: the customers move up if they now
 * qualify (a new member onto the lowest tier), and their moves are followed
 * up at once.
 */
export async function upgradeTiers(container: MedusaContainer, customerIds: string[], reason: "signup" | "order") {
  if (!customerIds.length) {
    return
  }
  await evaluateTiersWorkflow(container).run({
    input: { customer_ids: customerIds, upgrade_only: true, reason },
  })
  await followUpTierChanges(container, customerIds)
}

/**
 * The re-evaluation (the nightly job, the admin's "re-evaluate now"): every
 * member re-scored in one statement, the moves followed up in batches,
 * then every member's group memberships compared with their tier a page at
 * a time and only the differences written, which also repairs groups
 * edited by hand. A second run over the same data writes nothing.
 */
export async function reevaluateAllTiers(container: MedusaContainer, now = new Date()): Promise<TierEvaluationResult> {
  const { result: counts } = await evaluateTiersWorkflow(container).run({
    input: { upgrade_only: false, reason: "evaluation", now },
  })
  const followed = await followUpTierChanges(container)
  const loyalty = container.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  let added = followed.added
  let removed = followed.removed
  for (let afterId: string | undefined; ; ) {
    const members = await loyalty.membersPage({ after_id: afterId, limit: MEMBERS_PER_PAGE })
    if (!members.length) {
      break
    }
    const { result } = await syncTierGroupsWorkflow(container).run({
      input: { customer_ids: members.map((member) => member.customer_id) },
    })
    added += result.added
    removed += result.removed
    afterId = members[members.length - 1].id
  }
  return { ...counts, group_links_added: added, group_links_removed: removed }
}

/** Processes logged moves (of the given customers, or all) until none is left. */
async function followUpTierChanges(container: MedusaContainer, customerIds?: string[]) {
  const total = { added: 0, removed: 0 }
  for (;;) {
    const { result } = await processTierChangesWorkflow(container).run({
      input: { limit: CHANGES_PER_RUN, customer_ids: customerIds },
    })
    total.added += result.added
    total.removed += result.removed
    if (result.processed < CHANGES_PER_RUN) {
      return total
    }
  }
}
