import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"

export const loadReviewSettingsStepId = "crm-load-review-settings"

export const loadReviewSettingsStep = createStep(loadReviewSettingsStepId, async (_: void, { container }) => {
  const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
  return new StepResponse(await reviews.loadReviewSettings())
})
