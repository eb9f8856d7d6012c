import type { MedusaContainer } from "@medusajs/framework/types"
import { sendDueSurveyInvitationsWorkflow } from "../workflows/surveys/workflows/send-due-survey-invitations"
import { runUntilShortBatch } from "../utils/batches"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

const BATCH = 500

/**
 * Every minute: e-mails the survey invitations that have come due, in
 * batches, until none is left (a batch that claims fewer than it may is
 * the last). Overlapping runs take turns (see `claimDueInvitations`).
 */
export default async function sendSurveyInvitationsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const now = new Date()
    await runUntilShortBatch(BATCH, async (limit) => {
      const { result } = await sendDueSurveyInvitationsWorkflow(container).run({ input: { now, limit } })
      return result.claimed
    })
  })
}

export const config = jobConfig("crm-surveys-send-invitations", "* * * * *")
