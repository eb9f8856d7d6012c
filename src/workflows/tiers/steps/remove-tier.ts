import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { byRank } from "../../../modules/loyalty/tiers/ladder"
import { CrmModules } from "../../../types/modules"
import type { LoyaltyTierDTO } from "../../../types/tiers"

export const removeTierStepId = "crm-remove-tier"

/**
 * Soft-deletes the tier after moving its members to the tier ranked just
 * below (no tier when it was the lowest; the next evaluation places them).
 * Returns the tier and the customers moved, whose groups are synced next.
 * Compensation restores the tier and moves the members back.
 */
export const removeTierStep = createStep(
  removeTierStepId,
  async (input: { id: string }, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const ladder = byRank(await loyalty.tierLadder())
    const index = ladder.findIndex((tier) => tier.id === input.id)
    if (index === -1) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty tier with id ${input.id} was not found`)
    }
    const tier = ladder[index]
    const lower = ladder[index - 1] ?? null
    const movedCustomerIds = await loyalty.moveTierMembers(tier.id, lower?.id ?? null)
    await loyalty.softDeleteLoyaltyTiers(tier.id)
    return new StepResponse(
      { tier, moved_customer_ids: movedCustomerIds },
      { tier, lower_id: lower?.id ?? null, moved_customer_ids: movedCustomerIds }
    )
  },
  async (undo: { tier: LoyaltyTierDTO; lower_id: string | null; moved_customer_ids: string[] } | undefined, { container }) => {
    if (!undo) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.restoreLoyaltyTiers(undo.tier.id)
    if (undo.moved_customer_ids.length) {
      const accounts = await loyalty.listLoyaltyAccounts({ customer_id: undo.moved_customer_ids }, { select: ["id"] })
      await loyalty.updateLoyaltyAccounts(accounts.map((a: any) => ({ id: a.id, tier_id: undo.tier.id })) as any)
    }
  }
)
