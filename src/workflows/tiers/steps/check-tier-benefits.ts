import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { lacksBenefits } from "../../../modules/loyalty/tiers/ladder"
import { CrmModules } from "../../../types/modules"

export const checkTierBenefitsStepId = "crm-check-tier-benefits"

/**
 * Whether the ladder needs provisioning: always for a full check, otherwise
 * only when a tier lacks its group or a promotion its benefits call for.
 * Lets the per-order path skip the store-wide lock once the ladder is set up.
 */
export const checkTierBenefitsStep = createStep(
  checkTierBenefitsStepId,
  async (input: { only_missing: boolean }, { container }) => {
    if (!input.only_missing) {
      return new StepResponse(true)
    }
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    return new StepResponse((await loyalty.tierLadder()).some(lacksBenefits))
  }
)
