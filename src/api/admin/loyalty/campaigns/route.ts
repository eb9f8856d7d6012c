import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type LoyaltyModuleService from "../../../../modules/loyalty/service"
import { CrmModules } from "../../../../types/modules"
import { createLoyaltyCampaignWorkflow } from "../../../../workflows/loyalty/workflows/create-campaign"
import type { AdminCreateLoyaltyCampaignType, AdminGetLoyaltyCampaignsParamsType } from "../validators"

/** Campaigns, the latest start first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLoyaltyCampaignsParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetLoyaltyCampaignsParamsType
  const loyalty = req.scope.resolve<LoyaltyModuleService>(CrmModules.LOYALTY)
  const [campaigns, count] = await loyalty.listAndCountLoyaltyCampaigns({}, { take: limit, skip: offset, order: { starts_at: "DESC" } })
  res.json({ campaigns, count, offset, limit })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateLoyaltyCampaignType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createLoyaltyCampaignWorkflow(req.scope).run({
    input: {
      name: body.name,
      multiplier: body.multiplier,
      starts_at: body.starts_at,
      ends_at: body.ends_at,
      weekdays: body.weekdays ?? null,
      days_of_month: body.days_of_month ?? null,
      tier_ids: body.tier_ids ?? null,
      segment_ids: body.segment_ids ?? null,
      active: body.active ?? true,
    },
  })
  res.status(201).json({ campaign: result })
}
