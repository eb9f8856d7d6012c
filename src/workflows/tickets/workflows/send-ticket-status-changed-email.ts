import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendCrmEmailsWorkflow } from "../../email/workflows/send-crm-emails"
import {
  planTicketStatusChangedEmailStep,
  type PlanTicketStatusChangedEmailStepInput,
} from "../steps/plan-ticket-status-changed-email"

export const sendTicketStatusChangedEmailWorkflowId = "crm-send-ticket-status-changed-email"

/** Tells the customer what a status move of their ticket means (once per move; not for their own). */
export const sendTicketStatusChangedEmailWorkflow = createWorkflow(
  sendTicketStatusChangedEmailWorkflowId,
  (input: PlanTicketStatusChangedEmailStepInput) => {
    const emails = planTicketStatusChangedEmailStep(input)
    when("crm-ticket-status-changed-when-email", { emails }, ({ emails }) => emails.length > 0).then(() =>
      sendCrmEmailsWorkflow.runAsStep({ input: { emails } })
    )
    return new WorkflowResponse(emails)
  }
)
