import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import { undoReviewChanges } from "./undo-review-changes"

export const removeOwnReviewStepId = "crm-remove-own-review"

/** Soft-deletes the customer's own review; compensation brings it back. */
export const removeOwnReviewStep = createStep(
  removeOwnReviewStepId,
  async (input: { id: string; customer_id: string }, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const { after, undo } = await reviews.removeOwnReview(input.id, input.customer_id)
    return new StepResponse({ before: undo.before[0], after }, undo)
  },
  undoReviewChanges
)
