import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ReviewContent } from "../../../modules/reviews/submissions"
import { ReviewEvents } from "../events"
import { isComplaint, lowRatingEventData, reviewEventData } from "../review-events"
import { loadReviewSettingsStep } from "../steps/load-review-settings"
import { reviseReviewStep } from "../steps/revise-review"

export const editReviewWorkflowId = "crm-edit-review"

/** The customer edits their own review; it is moderated again, as a new submission would be. */
export const editReviewWorkflow = createWorkflow(
  editReviewWorkflowId,
  (input: { id: string; customer_id: string; changes: Partial<ReviewContent> }) => {
    const settings = loadReviewSettingsStep()
    const { before, after } = reviseReviewStep(input)
    const events = transform({ before, after, settings }, ({ before, after, settings }) => {
            return {
        approved: after.status === "approved" && before.status !== "approved" ? [reviewEventData(after)] : [],
        low_rating: isComplaint(settings, after, before) ? [lowRatingEventData(after)] : [],
      }
    })
    emitEventStep({ eventName: ReviewEvents.APPROVED, data: events.approved }).config({ name: "crm-emit-edited-review-approved" })
    emitEventStep({ eventName: ReviewEvents.LOW_RATING, data: events.low_rating }).config({ name: "crm-emit-edited-review-low-rating" })
    return new WorkflowResponse(after)
  }
)
