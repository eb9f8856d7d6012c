import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminTierEvaluationResponse } from "../../../../../types/tiers"
import { reevaluateAllTiers } from "../../../../../workflows/tiers/evaluate-and-follow-up"

/** Re-evaluates every member now, as the nightly job does. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminTierEvaluationResponse>) => {
  res.json({ evaluation: await reevaluateAllTiers(req.scope) })
}
