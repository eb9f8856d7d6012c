import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateTicketSettingsStep, TicketSettingsChange } from "../steps/update-ticket-settings"

export const updateTicketSettingsWorkflowId = "crm-update-ticket-settings"

export const updateTicketSettingsWorkflow = createWorkflow(
  updateTicketSettingsWorkflowId,
  (input: { settings: TicketSettingsChange; actor_id?: string }) => new WorkflowResponse(updateTicketSettingsStep(input.settings))
)
