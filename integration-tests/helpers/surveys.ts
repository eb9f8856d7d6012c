import type { MedusaContainer } from "@medusajs/framework/types"
import { surveysOf } from "../../src/workflows/surveys/steps/surveys-of"

export { surveysOf }

/** An NPS survey as the admin makes it (default questions), active, for manual sends unless told otherwise. */
export async function createNpsSurvey(container: MedusaContainer, fields: Record<string, unknown> = {}) {
  return await surveysOf(container).createSurveys({
    name: "How did we do?",
    type: "nps",
    questions: [
      { id: "score", type: "nps", label: "How likely are you to recommend us?", required: true },
      { id: "why", type: "text", label: "Why?", required: false },
    ] as any,
    trigger: "manual",
    active: true,
    ...fields,
  } as any)
}

/**
 * An invitation sent to a customer, as the send job makes it: scheduled,
 * then claimed at `now`; returns its id and the link's token (which only
 * the e-mail would carry).
 */
export async function sentInvitation(
  container: MedusaContainer,
  surveyId: string,
  customerId: string,
  options: { source_type?: "order" | "ticket" | "manual"; source_id?: string | null; now?: Date } = {}
) {
  const surveys = surveysOf(container)
  const now = options.now ?? new Date()
  const [id] = await surveys.scheduleInvitations([
    {
      survey_id: surveyId,
      customer_id: customerId,
      source_type: options.source_type ?? "manual",
      source_id: options.source_id ?? null,
      source_display_id: null,
      email: `${customerId}@crm.test`,
      due_at: now,
    },
  ])
  const claim = await surveys.claimDueInvitations(now, 1000)
  const sent = claim.sent.find((invitation) => invitation.id === id)
  if (!sent) {
    throw new Error(`Invitation ${id} was not sent: ${JSON.stringify(claim.skipped)}`)
  }
  return { id, token: sent.token }
}

/** Rows of the survey tables and the counters: "nothing written" checks compare these. */
export async function surveyRowCounts(container: MedusaContainer) {
  const surveys = surveysOf(container)
  const options = { withDeleted: true, take: 1 }
  const [[, surveyCount], [invitations], [, responseCount]] = await Promise.all([
    surveys.listAndCountSurveys({}, options),
    surveys.listAndCountSurveyInvitations({}, { withDeleted: true, order: { id: "ASC" } }),
    surveys.listAndCountSurveyResponses({}, options),
  ])
  return {
    surveys: surveyCount,
    responses: responseCount,
    invitations: invitations.map((invitation) => [invitation.id, invitation.status, invitation.answered_at]),
  }
}
