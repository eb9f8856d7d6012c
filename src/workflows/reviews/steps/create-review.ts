import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import type { NewReview } from "../../../modules/reviews/submissions"
import { CrmModules } from "../../../types/modules"
import { undoReviewChanges } from "./undo-review-changes"

export const createReviewStepId = "crm-create-review"

/** Writes the review as auto-moderation decides; compensation deletes it and its share of the summary. */
export const createReviewStep = createStep(
  createReviewStepId,
  async (review: NewReview, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const { id, status, undo } = await reviews.submitReview(review)
    return new StepResponse({ id, status }, undo)
  },
  undoReviewChanges
)
