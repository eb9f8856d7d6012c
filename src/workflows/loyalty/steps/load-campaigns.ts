import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyCampaignDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const loadCampaignsStepId = "crm-load-campaigns"

/** Active campaigns whose window contains `at` (or every campaign, without it). */
export const loadCampaignsStep = createStep(loadCampaignsStepId, async (input: { at?: Date | string }, { container }) => {
  const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  const filters = input.at
    ? { active: true, starts_at: { $lte: new Date(input.at) }, ends_at: { $gt: new Date(input.at) } }
    : {}
  const campaigns = await loyalty.listLoyaltyCampaigns(filters as any, { order: { starts_at: "DESC" }, take: 500 })
  return new StepResponse(campaigns as unknown as LoyaltyCampaignDTO[])
})
