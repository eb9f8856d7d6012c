import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendCrmEmailsWorkflow } from "../../email/workflows/send-crm-emails"
import { claimDueInvitationsStep, expireInvitationsStep } from "../steps/claim-due-invitations"
import { planInvitationEmailsStep } from "../steps/plan-invitation-emails"

export const sendDueSurveyInvitationsWorkflowId = "crm-send-due-survey-invitations"

export type SendDueSurveyInvitationsInput = { now: Date | string; limit: number }

/**
 * One batch of the send job: expires old links, claims up to `limit` due
 * invitations (frequency cap applied) and e-mails each its link. If the
 * e-mails fail, the invitations whose e-mail did not go out are scheduled
 * again for the next run.
 */
export const sendDueSurveyInvitationsWorkflow = createWorkflow(
  sendDueSurveyInvitationsWorkflowId,
  (input: SendDueSurveyInvitationsInput) => {
    const expired = expireInvitationsStep({ now: input.now })
    const claim = claimDueInvitationsStep(input)
    const emails = planInvitationEmailsStep({ sent: claim.sent })
    sendCrmEmailsWorkflow.runAsStep({ input: { emails } })
    return new WorkflowResponse(
      transform({ claim, expired }, ({ claim, expired }) => ({
        claimed: claim.sent.length + claim.skipped.length,
        sent: claim.sent.map((invitation) => invitation.id),
        skipped: claim.skipped,
        expired,
      }))
    )
  }
)
