import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { customerReviewsPage } from "../../../../utils/store-reviews"
import type { StoreGetMyReviewsParamsType } from "../../../reviews/validators"

/** The customer's own reviews, whatever their status, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetMyReviewsParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreGetMyReviewsParamsType
  const { reviews, count } = await customerReviewsPage(req.scope, req.auth_context.actor_id, { limit, offset })
  res.json({ reviews, count, offset, limit })
}
