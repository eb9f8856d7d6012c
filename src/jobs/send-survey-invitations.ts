import type { MedusaContainer } from "@medusajs/framework/types"
import { sendDueSurveyInvitationsWorkflow } from "../workflows/surveys/workflows/send-due-survey-invitations"

const BATCH = 500

/**
 * Every minute: e-mails the survey invitations that have come due, in
 * batches, until none is left (a batch that claims fewer than it may is
 * the last). Overlapping runs take turns (see `claimDueInvitations`).
 */
export default async function sendSurveyInvitationsJob(container: MedusaContainer, context?: { scheduledFor?: Date }) {
  // The plugin's own tests run the job themselves on a fixed clock; a
  // scheduler run in the middle of one would take their invitations.
  if (context?.scheduledFor && process.env.CRM_SCHEDULED_JOBS === "off") {
    return
  }
  const now = new Date()
  for (;;) {
    const { result } = await sendDueSurveyInvitationsWorkflow(container).run({ input: { now, limit: BATCH } })
    if (result.claimed < BATCH) {
      break
    }
  }
}

export const config = {
  name: "crm-surveys-send-invitations",
  schedule: "* * * * *",
}
