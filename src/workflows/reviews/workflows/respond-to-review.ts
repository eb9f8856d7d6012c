import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReviewEvents } from "../events"
import { respondToReviewStep } from "../steps/respond-to-review"

export const respondToReviewWorkflowId = "crm-respond-to-review"

/** The store's public reply to a review (null removes it). */
export const respondToReviewWorkflow = createWorkflow(
  respondToReviewWorkflowId,
  (input: { id: string; response: string | null; actor_id: string | null }) => {
    const review = respondToReviewStep(input)
    const responded = transform({ review }, ({ review }) =>
      review.response === null ? [] : [{ id: review.id, product_id: review.product_id, customer_id: review.customer_id }]
    )
    emitEventStep({ eventName: ReviewEvents.RESPONDED, data: responded }).config({ name: "crm-emit-review-responded" })
    return new WorkflowResponse(review)
  }
)
