import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { groupDiff, GroupLinkChange } from "../../../modules/loyalty/tiers/group-diff"
import { CrmModules } from "../../../types/modules"
import { applyGroupLinkChanges, oppositeGroupLinkChange } from "../../customer-groups/apply-group-link-changes"

export const syncTierGroupsStepId = "crm-sync-tier-groups"

/**
 * Makes the tier groups hold exactly the given customers' tiers: each
 * customer in their tier's group and in no other tier group. Reads the
 * accounts and the current memberships of those customers (two queries),
 * then applies only the difference through Medusa's
 * `linkCustomersToCustomerGroupWorkflow` (applyGroupLinkChanges).
 * Compensation applies the opposite difference.
 */
export const syncTierGroupsStep = createStep(
  syncTierGroupsStepId,
  async (input: { customer_ids: string[] }, { container }) => {
    const customerIds = [...new Set(input.customer_ids)]
    if (!customerIds.length) {
      return new StepResponse({ added: 0, removed: 0 }, [] as GroupLinkChange[])
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const [tiers, accounts] = await Promise.all([
      loyalty.tierLadder(),
      loyalty.listLoyaltyAccounts({ customer_id: customerIds }, { select: ["customer_id", "tier_id"] }),
    ])
    const groupOfTier = new Map(tiers.map((tier) => [tier.id, tier.customer_group_id]))
    const tierGroupIds = tiers.map((tier) => tier.customer_group_id).filter((id): id is string => !!id)
    const memberships = tierGroupIds.length
      ? await container
          .resolve(Modules.CUSTOMER)
          .listCustomerGroupCustomers(
            { customer_id: customerIds, customer_group_id: tierGroupIds },
            { select: ["customer_id", "customer_group_id"] }
          )
      : []
    const wanted = accounts.map((account: any) => ({
      customer_id: account.customer_id as string,
      group_id: (account.tier_id && groupOfTier.get(account.tier_id)) || null,
    }))
    const changes = groupDiff(
      wanted,
      memberships.map((m) => ({ customer_id: m.customer_id, group_id: m.customer_group_id }))
    )
    await applyGroupLinkChanges(container, changes)
    return new StepResponse(
      {
        added: changes.reduce((n, c) => n + c.add.length, 0),
        removed: changes.reduce((n, c) => n + c.remove.length, 0),
      },
      changes
    )
  },
  async (changes: GroupLinkChange[] | undefined, { container }) => {
    await applyGroupLinkChanges(container, (changes ?? []).map(oppositeGroupLinkChange))
  }
)
