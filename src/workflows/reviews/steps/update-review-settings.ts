import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IReviewsModuleService } from "../../../modules/reviews/service"
import { CrmModules } from "../../../types/modules"
import type { UpdateReviewSettings } from "../../../types/reviews"
import { valuesBefore } from "../../../utils/settings-row"

export const updateReviewSettingsStepId = "crm-update-review-settings"

/** Changes the moderation settings; compensation puts back the fields it changed. */
export const updateReviewSettingsStep = createStep(
  updateReviewSettingsStepId,
  async (data: UpdateReviewSettings, { container }) => {
    const reviews: IReviewsModuleService = container.resolve(CrmModules.REVIEWS)
    const previous = valuesBefore(await reviews.loadReviewSettings(), data) as UpdateReviewSettings
    return new StepResponse(await reviews.changeReviewSettings(data), previous)
  },
  async (previous, { container }) => {
    if (previous && Object.keys(previous).length) {
      await container.resolve<IReviewsModuleService>(CrmModules.REVIEWS).changeReviewSettings(previous)
    }
  }
)
