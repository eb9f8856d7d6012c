import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateTicketMacroStep, UpdateTicketMacroInput } from "../steps/update-ticket-macro"

export const updateTicketMacroWorkflowId = "crm-update-ticket-macro"

export const updateTicketMacroWorkflow = createWorkflow(
  updateTicketMacroWorkflowId,
  (input: UpdateTicketMacroInput) => new WorkflowResponse(updateTicketMacroStep(input))
)
