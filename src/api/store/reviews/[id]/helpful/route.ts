import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { voteReviewHelpfulWorkflow } from "../../../../../workflows/reviews/workflows/vote-review-helpful"
import { STORE_REVIEW_FIELDS } from "../../../../../types/reviews"
import { toStoreReview } from "../../../../utils/store-reviews"

/** The customer found an approved review helpful; once per customer (a second vote changes nothing). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result: counted } = await voteReviewHelpfulWorkflow(req.scope).run({
    input: { review_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [review],
  } = await query.graph({ entity: "review", fields: [...STORE_REVIEW_FIELDS], filters: { id: req.params.id } })
  res.json({ review: toStoreReview(review), counted })
}
