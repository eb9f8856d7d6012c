import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"

export const voteReviewHelpfulStepId = "crm-vote-review-helpful"

/** Counts the vote once per customer; it is the workflow's only write, so there is nothing to compensate. */
export const voteReviewHelpfulStep = createStep(
  voteReviewHelpfulStepId,
  async (input: { review_id: string; customer_id: string }, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    return new StepResponse(await reviews.voteHelpful(input.review_id, input.customer_id))
  }
)
