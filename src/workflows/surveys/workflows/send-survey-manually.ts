import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planManualInvitationsStep, type ManualRecipients } from "../steps/plan-manual-invitations"
import { scheduleInvitationsStep } from "../steps/schedule-invitations"

export const sendSurveyManuallyWorkflowId = "crm-send-survey-manually"

/**
 * The admin's "send now": an invitation due at once for each recipient the
 * frequency cap allows; the send job e-mails them on its next run.
 */
export const sendSurveyManuallyWorkflow = createWorkflow(
  sendSurveyManuallyWorkflowId,
  (input: ManualRecipients & { survey_id: string; now?: Date | string }) => {
    const now = transform({ input }, ({ input }) => input.now ?? new Date())
    const plan = planManualInvitationsStep(transform({ input, now }, ({ input, now }) => ({ ...input, now })))
    const ids = scheduleInvitationsStep(plan.invitations)
    return new WorkflowResponse(transform({ ids, plan }, ({ ids, plan }) => ({ invitations: ids.length, skipped: plan.skipped })))
  }
)
