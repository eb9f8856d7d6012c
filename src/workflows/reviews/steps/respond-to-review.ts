import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import { undoReviewChanges } from "./undo-review-changes"

export const respondToReviewStepId = "crm-respond-to-review"

/** Sets or (with null) removes the public reply; compensation restores the previous one. */
export const respondToReviewStep = createStep(
  respondToReviewStepId,
  async (input: { id: string; response: string | null; actor_id: string | null }, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const { after, undo } = await reviews.respondToReview(input.id, input.response, { type: "user", id: input.actor_id })
    return new StepResponse(after, undo)
  },
  undoReviewChanges
)
