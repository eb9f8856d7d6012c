import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import type { UpdateReviewSettings } from "../../../types/reviews"

export const updateReviewSettingsStepId = "crm-update-review-settings"

/** Changes the moderation settings; compensation puts back the fields it changed. */
export const updateReviewSettingsStep = createStep(
  updateReviewSettingsStepId,
  async (data: UpdateReviewSettings, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const before = await reviews.loadReviewSettings()
    const previous = Object.fromEntries(Object.keys(data).map((key) => [key, before[key as keyof typeof before]]))
    return new StepResponse(await reviews.changeReviewSettings(data), previous as UpdateReviewSettings)
  },
  async (previous, { container }) => {
    if (previous && Object.keys(previous).length) {
      await container.resolve<IReviewsModuleService>(CrmModules.REVIEWS).changeReviewSettings(previous)
    }
  }
)
