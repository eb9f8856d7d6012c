import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { UpdateReviewSettings } from "../../../types/reviews"
import { ReviewEvents } from "../events"
import { updateReviewSettingsStep } from "../steps/update-review-settings"

export const updateReviewSettingsWorkflowId = "crm-update-review-settings"

export const updateReviewSettingsWorkflow = createWorkflow(
  updateReviewSettingsWorkflowId,
  (input: { settings: UpdateReviewSettings; actor_id?: string }) => {
    const settings = updateReviewSettingsStep(input.settings)
    emitEventStep({ eventName: ReviewEvents.SETTINGS_UPDATED, data: { actor_id: input.actor_id } })
    return new WorkflowResponse(settings)
  }
)
