import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyCampaignDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const updateCampaignStepId = "crm-update-campaign"

export type UpdateCampaignInput = { id: string } & Partial<Omit<LoyaltyCampaignDTO, "id" | "created_at" | "updated_at">>

const EDITABLE = ["name", "multiplier", "starts_at", "ends_at", "weekdays", "days_of_month", "tier_ids", "segment_ids", "active"] as const

/** Changes a campaign; compensation writes back the fields it changed. */
export const updateCampaignStep = createStep(
  updateCampaignStepId,
  async (input: UpdateCampaignInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const before = (await loyalty.retrieveLoyaltyCampaign(input.id)) as unknown as LoyaltyCampaignDTO
    const startsAt = new Date(input.starts_at ?? before.starts_at)
    const endsAt = new Date(input.ends_at ?? before.ends_at)
    if (endsAt <= startsAt) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "ends_at must be after starts_at")
    }
    const previous: Record<string, unknown> = { id: before.id }
    for (const field of EDITABLE) {
      if (field in input) previous[field] = before[field]
    }
    const campaign = (await loyalty.updateLoyaltyCampaigns(input as any)) as unknown as LoyaltyCampaignDTO
    return new StepResponse(campaign, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.updateLoyaltyCampaigns(previous as any)
  }
)
