import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type LoyaltyModuleService from "../../../../../modules/loyalty/service"
import { CrmModules } from "../../../../../types/modules"
import { deleteLoyaltyCampaignWorkflow } from "../../../../../workflows/loyalty/workflows/delete-campaign"
import { updateLoyaltyCampaignWorkflow } from "../../../../../workflows/loyalty/workflows/update-campaign"
import type { AdminUpdateLoyaltyCampaignType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const loyalty = req.scope.resolve<LoyaltyModuleService>(CrmModules.LOYALTY)
  res.json({ campaign: await loyalty.retrieveLoyaltyCampaign(req.params.id) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateLoyaltyCampaignType>, res: MedusaResponse) => {
  const { result } = await updateLoyaltyCampaignWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  res.json({ campaign: result })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteLoyaltyCampaignWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "loyalty_campaign", deleted: true })
}
