import { createWorkflow, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendCrmEmailsWorkflow } from "../../email/workflows/send-crm-emails"
import { planReviewReplyEmailStep } from "../steps/plan-review-reply-email"

export const sendReviewReplyEmailWorkflowId = "crm-send-review-reply-email"

/** Tells the author that the store replied to their review (once per review). */
export const sendReviewReplyEmailWorkflow = createWorkflow(sendReviewReplyEmailWorkflowId, (input: { id: string }) => {
  const emails = planReviewReplyEmailStep(input)
  when("crm-review-reply-when-email", { emails }, ({ emails }) => emails.length > 0).then(() =>
    sendCrmEmailsWorkflow.runAsStep({ input: { emails } })
  )
  return new WorkflowResponse(emails)
})
