import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { NewReview, ReviewContent } from "../../../modules/reviews/submissions"
import { ReviewEvents } from "../events"
import { isComplaint, lowRatingEventData, reviewEventData } from "../review-events"
import { createReviewStep } from "../steps/create-review"
import { findReviewablePurchaseStep } from "../steps/find-reviewable-purchase"
import { loadReviewSettingsStep } from "../steps/load-review-settings"
import { loadReviewerNameStep } from "../steps/load-reviewer-name"

export const submitReviewWorkflowId = "crm-submit-review"

export type SubmitReviewInput = ReviewContent & {
  customer_id: string
  product_id: string
  /** The purchase being reviewed; without it, the newest fulfilled one. */
  order_id?: string | null
}

/**
 * A customer's review: tied to a fulfilled purchase when there is one,
 * auto-moderated, then announced (`crm.review.created`, and
 * `crm.review.approved` / `crm.review.low_rating` when they apply).
 */
export const submitReviewWorkflow = createWorkflow(submitReviewWorkflowId, (input: SubmitReviewInput) => {
  const settings = loadReviewSettingsStep()
  const purchase = findReviewablePurchaseStep({
    customer_id: input.customer_id,
    product_id: input.product_id,
    order_id: input.order_id,
    settings,
  })
  const authorName = loadReviewerNameStep({ customer_id: input.customer_id })
  const review = transform({ input, purchase, authorName }, ({ input, purchase, authorName }): NewReview => ({
    product_id: input.product_id,
    customer_id: input.customer_id,
    ...purchase,
    author_name: authorName,
    rating: input.rating,
    title: input.title,
    content: input.content,
    quality_rating: input.quality_rating,
    logistics_rating: input.logistics_rating,
    service_rating: input.service_rating,
    images: input.images,
  }))
  const created = createReviewStep(review)
  const events = transform({ review, created, settings }, ({ review, created, settings }) => {
    const facts = { ...review, ...created }
    return {
      created: [reviewEventData(facts)],
      approved: created.status === "approved" ? [reviewEventData(facts)] : [],
      low_rating: isComplaint(settings, facts) ? [lowRatingEventData(facts)] : [],
    }
  })
  emitEventStep({ eventName: ReviewEvents.CREATED, data: events.created }).config({ name: "crm-emit-review-created" })
  emitEventStep({ eventName: ReviewEvents.APPROVED, data: events.approved }).config({ name: "crm-emit-review-approved" })
  emitEventStep({ eventName: ReviewEvents.LOW_RATING, data: events.low_rating }).config({ name: "crm-emit-review-low-rating" })
  return new WorkflowResponse(created)
})
