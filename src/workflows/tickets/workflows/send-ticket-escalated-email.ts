import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendCrmEmailsWorkflow } from "../../email/workflows/send-crm-emails"
import { planTicketEscalatedEmailStep, type PlanTicketEscalatedEmailStepInput } from "../steps/plan-ticket-escalated-email"

export const sendTicketEscalatedEmailWorkflowId = "crm-send-ticket-escalated-email"

/** Tells the store's team that a ticket missed a target (once per ticket and breach). */
export const sendTicketEscalatedEmailWorkflow = createWorkflow(
  sendTicketEscalatedEmailWorkflowId,
  (input: PlanTicketEscalatedEmailStepInput) => {
    const emails = planTicketEscalatedEmailStep(input)
    when("crm-ticket-escalated-when-email", { emails }, ({ emails }) => emails.length > 0).then(() =>
      sendCrmEmailsWorkflow.runAsStep({ input: { emails } })
    )
    return new WorkflowResponse(emails)
  }
)
