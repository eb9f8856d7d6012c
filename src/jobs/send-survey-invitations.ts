import type { MedusaContainer } from "@medusajs/framework/types"
import { sendDueSurveyInvitationsWorkflow } from "../workflows/surveys/workflows/send-due-survey-invitations"

const BATCH = 500

/**
 * Every minute: e-mails the survey invitations that have come due, in
 * batches, until none is left (a batch that claims fewer than it may is
 * the last). Overlapping runs take turns (see `claimDueInvitations`).
 */
export default async function sendSurveyInvitationsJob(container: MedusaContainer) {
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
