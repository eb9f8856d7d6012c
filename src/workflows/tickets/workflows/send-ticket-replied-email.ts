import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendCrmEmailsWorkflow } from "../../email/workflows/send-crm-emails"
import { planTicketRepliedEmailStep, type PlanTicketRepliedEmailStepInput } from "../steps/plan-ticket-replied-email"

export const sendTicketRepliedEmailWorkflowId = "crm-send-ticket-replied-email"

/** E-mails a staff reply to the ticket's customer (once per reply; never an internal note). */
export const sendTicketRepliedEmailWorkflow = createWorkflow(
  sendTicketRepliedEmailWorkflowId,
  (input: PlanTicketRepliedEmailStepInput) => {
    const emails = planTicketRepliedEmailStep(input)
    when("crm-ticket-replied-when-email", { emails }, ({ emails }) => emails.length > 0).then(() =>
      sendCrmEmailsWorkflow.runAsStep({ input: { emails } })
    )
    return new WorkflowResponse(emails)
  }
)
