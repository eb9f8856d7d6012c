import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendCrmEmailsWorkflow } from "../../email/workflows/send-crm-emails"
import { planExpiryRemindersStep } from "../steps/plan-expiry-reminders"

export const sendExpiryRemindersWorkflowId = "crm-send-expiry-reminders"

/** E-mails the customers whose points expire within the reminder window. */
export const sendExpiryRemindersWorkflow = createWorkflow(
  sendExpiryRemindersWorkflowId,
  (input: { now: Date | string; limit: number; after_account_id?: string }) => {
    const plan = planExpiryRemindersStep(input)
    const emails = transform({ plan }, ({ plan }) => plan.emails)
    when("crm-remind-when-any", { emails }, ({ emails }) => emails.length > 0).then(() =>
      sendCrmEmailsWorkflow.runAsStep({ input: { emails } })
    )
    return new WorkflowResponse(plan)
  }
)
