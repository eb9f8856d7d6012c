import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import { CrmModules } from "../../../types/modules"

export const deleteCampaignStepId = "crm-delete-campaign"

/** Soft-deletes a campaign (orders already earned keep their points); compensation restores it. */
export const deleteCampaignStep = createStep(
  deleteCampaignStepId,
  async (id: string, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.retrieveLoyaltyCampaign(id)
    await loyalty.softDeleteLoyaltyCampaigns([id])
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.restoreLoyaltyCampaigns([id])
  }
)
