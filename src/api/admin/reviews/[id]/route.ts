import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveAdminReview } from "../../../utils/admin-reviews"

/** A review with its moderation history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ review: await retrieveAdminReview(req.scope, req.params.id) })
}
