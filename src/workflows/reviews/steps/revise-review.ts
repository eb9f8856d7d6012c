import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import type { ReviewContent } from "../../../modules/reviews/submissions"
import { CrmModules } from "../../../types/modules"
import { undoReviewChanges } from "./undo-review-changes"

export const reviseReviewStepId = "crm-revise-review"

/** The customer's edit, moderated again; compensation restores the review as it was. */
export const reviseReviewStep = createStep(
  reviseReviewStepId,
  async (input: { id: string; customer_id: string; changes: Partial<ReviewContent> }, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const { after, undo } = await reviews.reviseReview(input.id, input.customer_id, input.changes)
    return new StepResponse({ before: undo.before[0], after }, undo)
  },
  undoReviewChanges
)
