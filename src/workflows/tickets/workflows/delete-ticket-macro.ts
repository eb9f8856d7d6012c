import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteTicketMacroStep } from "../steps/delete-ticket-macro"

export const deleteTicketMacroWorkflowId = "crm-delete-ticket-macro"

export const deleteTicketMacroWorkflow = createWorkflow(
  deleteTicketMacroWorkflowId,
  (input: { id: string }) => new WorkflowResponse(deleteTicketMacroStep(input.id))
)
