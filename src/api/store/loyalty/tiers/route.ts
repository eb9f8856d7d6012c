import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ILoyaltyModuleService } from "../../../../modules/loyalty/service"
import { toStoreTier } from "../../../../modules/loyalty/tiers/ladder"
import { CrmModules } from "../../../../types/modules"
import type { StoreLoyaltyTiersResponse } from "../../../../types/tiers"

/** The ladder and each tier's benefits, for anyone (a storefront's "membership" page). */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreLoyaltyTiersResponse>) => {
  const loyalty = req.scope.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  res.json({ tiers: (await loyalty.tierLadder()).map(toStoreTier) })
}
