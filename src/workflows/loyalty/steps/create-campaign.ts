import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyCampaignDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const createCampaignStepId = "crm-create-campaign"

export type CreateCampaignInput = Omit<LoyaltyCampaignDTO, "id" | "created_at" | "updated_at" | "active"> & {
  active?: boolean
}

export const createCampaignStep = createStep(
  createCampaignStepId,
  async (input: CreateCampaignInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const campaign = (await loyalty.createLoyaltyCampaigns(input as any)) as unknown as LoyaltyCampaignDTO
    return new StepResponse(campaign, campaign.id)
  },
  async (id, { container }) => {
    if (!id) return
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.deleteLoyaltyCampaigns([id])
  }
)
