import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type LoyaltyModuleService from "../../../../../modules/loyalty/service"
import { CrmModules } from "../../../../../types/modules"
import type { LoyaltyTierDTO } from "../../../../../types/tiers"
import { deleteTierWorkflow } from "../../../../../workflows/tiers/workflows/delete-tier"
import { saveTierWorkflow } from "../../../../../workflows/tiers/workflows/save-tier"
import { toAdminTiers } from "../../../../utils/admin-tiers"
import { answeringConflicts } from "../../../../utils/conflict"
import type { AdminUpdateLoyaltyTierType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const loyalty = req.scope.resolve<LoyaltyModuleService>(CrmModules.LOYALTY)
  const tier = (await loyalty.retrieveLoyaltyTier(req.params.id)) as unknown as LoyaltyTierDTO
  res.json({ tier: (await toAdminTiers(req.scope, [tier]))[0] })
}

/** Changes a tier; `rank` moves it to that position on the ladder. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateLoyaltyTierType>, res: MedusaResponse) => {
  await answeringConflicts(res, async () => {
    const { result } = await saveTierWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
    res.json({ tier: (await toAdminTiers(req.scope, [result]))[0] })
  })
}

/** Deletes a tier; its members move to the tier below. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteTierWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "loyalty_tier", deleted: true })
}
