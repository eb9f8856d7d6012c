import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteOwnReviewWorkflow } from "../../../../../../workflows/reviews/workflows/delete-own-review"
import { editReviewWorkflow } from "../../../../../../workflows/reviews/workflows/edit-review"
import { retrieveCustomerReview } from "../../../../../utils/store-reviews"
import type { StoreUpdateReviewType } from "../../../../reviews/validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ review: await retrieveCustomerReview(req.scope, req.auth_context.actor_id, req.params.id) })
}

/** The customer edits their review; it goes through moderation again. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpdateReviewType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  await editReviewWorkflow(req.scope).run({
    input: { id: req.params.id, customer_id: customerId, changes: req.validatedBody },
  })
  res.json({ review: await retrieveCustomerReview(req.scope, customerId, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteOwnReviewWorkflow(req.scope).run({ input: { id: req.params.id, customer_id: req.auth_context.actor_id } })
  res.json({ id: req.params.id, object: "review", deleted: true })
}
