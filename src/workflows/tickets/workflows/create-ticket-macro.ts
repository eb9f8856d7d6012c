import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createTicketMacroStep, CreateTicketMacroInput } from "../steps/create-ticket-macro"

export const createTicketMacroWorkflowId = "crm-create-ticket-macro"

export const createTicketMacroWorkflow = createWorkflow(
  createTicketMacroWorkflowId,
  (input: CreateTicketMacroInput) => new WorkflowResponse(createTicketMacroStep(input))
)
