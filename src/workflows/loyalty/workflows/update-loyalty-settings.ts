import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { UpdateLoyaltySettings } from "../../../types/settings"
import { LoyaltyEvents } from "../events"
import { updateLoyaltySettingsStep } from "../steps/update-loyalty-settings"

export const updateLoyaltySettingsWorkflowId = "crm-update-loyalty-settings"

export const updateLoyaltySettingsWorkflow = createWorkflow(
  updateLoyaltySettingsWorkflowId,
  (input: { settings: UpdateLoyaltySettings; actor_id?: string }) => {
    const settings = updateLoyaltySettingsStep(input.settings)
    emitEventStep({ eventName: LoyaltyEvents.SETTINGS_UPDATED, data: { actor_id: input.actor_id } })
    return new WorkflowResponse(settings)
  }
)
