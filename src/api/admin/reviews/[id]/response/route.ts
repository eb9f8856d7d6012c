import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { respondToReviewWorkflow } from "../../../../../workflows/reviews/workflows/respond-to-review"
import { retrieveAdminReview } from "../../../../utils/admin-reviews"
import type { AdminRespondToReviewType } from "../../validators"

/** Sets the store's public reply (replacing an earlier one). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRespondToReviewType>, res: MedusaResponse) => {
  await respondToReviewWorkflow(req.scope).run({
    input: { id: req.params.id, response: req.validatedBody.content, actor_id: req.auth_context.actor_id },
  })
  res.json({ review: await retrieveAdminReview(req.scope, req.params.id) })
}

/** Takes the public reply down. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await respondToReviewWorkflow(req.scope).run({
    input: { id: req.params.id, response: null, actor_id: req.auth_context.actor_id },
  })
  res.json({ review: await retrieveAdminReview(req.scope, req.params.id) })
}
