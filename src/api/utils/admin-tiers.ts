import type { MedusaContainer } from "@medusajs/framework/types"
import type { ILoyaltyModuleService } from "../../modules/loyalty/service"
import { benefitsOf } from "../../modules/loyalty/tiers/ladder"
import { CrmModules } from "../../types/modules"
import type { AdminLoyaltyTier, LoyaltyTierDTO } from "../../types/tiers"

/** Tiers with their benefits and member counts (one grouped count for all). */
export async function toAdminTiers(scope: MedusaContainer, tiers: LoyaltyTierDTO[]): Promise<AdminLoyaltyTier[]> {
  const counts = await scope.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY).tierMemberCounts()
  return tiers.map((tier) => ({
    ...tier,
    threshold: Number(tier.threshold),
    benefits: benefitsOf(tier),
    member_count: counts[tier.id] ?? 0,
  }))
}
