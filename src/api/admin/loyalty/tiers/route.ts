import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILoyaltyModuleService } from "../../../../modules/loyalty/service"
import { CrmModules } from "../../../../types/modules"
import type { AdminLoyaltyTierResponse, AdminLoyaltyTiersResponse } from "../../../../types/tiers"
import { saveTierWorkflow } from "../../../../workflows/tiers/workflows/save-tier"
import { toAdminTiers } from "../../../utils/admin-tiers"
import { answeringConflicts } from "../../../utils/conflict"
import type { AdminCreateLoyaltyTierType } from "../validators"

/** The ladder, lowest first, with member counts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminLoyaltyTiersResponse>) => {
  const loyalty = req.scope.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  res.json({ tiers: await toAdminTiers(req.scope, await loyalty.tierLadder()) })
}

export const POST = async (
  req: AuthenticatedMedusaRequest<AdminCreateLoyaltyTierType>,
  res: MedusaResponse<AdminLoyaltyTierResponse>
) => {
  await answeringConflicts(res, async () => {
    const { result } = await saveTierWorkflow(req.scope).run({ input: req.validatedBody })
    const [tier] = await toAdminTiers(req.scope, [result])
    res.json({ tier })
  })
}
