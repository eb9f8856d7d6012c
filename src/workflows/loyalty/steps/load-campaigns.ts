import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyCampaignDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const loadCampaignsStepId = "crm-load-campaigns"

/** When orders were placed: the campaigns that may apply are those active at some time in between. */
export type LoadCampaignsInput = { from?: Date | string; until?: Date | string }

/** Active campaigns whose window overlaps [from, until] (or every campaign, without them). */
export const loadCampaignsStep = createStep(loadCampaignsStepId, async (input: LoadCampaignsInput, { container }) => {
  const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  const filters =
    input.from && input.until
      ? { active: true, starts_at: { $lte: new Date(input.until) }, ends_at: { $gt: new Date(input.from) } }
      : {}
  const campaigns = await loyalty.listLoyaltyCampaigns(filters as any, { order: { starts_at: "DESC" }, take: 500 })
  return new StepResponse(campaigns as unknown as LoyaltyCampaignDTO[])
})
