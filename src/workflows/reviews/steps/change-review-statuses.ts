import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor, StatusChange } from "../../../modules/reviews/moderation-actions"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import { undoReviewChanges } from "./undo-review-changes"

export const changeReviewStatusesStepId = "crm-change-review-statuses"

/** Approves, rejects or flags reviews, all or none; compensation moves them back. */
export const changeReviewStatusesStep = createStep(
  changeReviewStatusesStepId,
  async (input: { changes: StatusChange[]; reason: string | null; actor: Actor }, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const { transitions, undo } = await reviews.changeReviewStatuses(input.changes, input.reason, input.actor)
    return new StepResponse(transitions, undo)
  },
  undoReviewChanges
)
