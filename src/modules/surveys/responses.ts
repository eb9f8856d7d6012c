import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { CrmErrorTypes } from "../../types/errors"
import type { SurveyAnswer, SurveyQuestion, SurveyResponseDTO, SurveyType } from "../../types/surveys"
import { checkAnswers } from "./answers"
import { addDailyCounts, subtractDailyCounts } from "./daily-counts"
import { scoreOf, textAnswersOf } from "./questions"

/** An invitation found by its token, with what answering it needs of its survey. */
export type TokenInvitation = {
  id: string
  survey_id: string
  customer_id: string
  source_type: "order" | "ticket" | "manual"
  source_id: string | null
  status: string
  expires_at: Date | null
  survey: {
    name: string
    type: SurveyType
    questions: SurveyQuestion[]
    review_prompt: boolean
    completion_points: number
    deleted: boolean
  }
}

const TOKEN_INVITATION_SQL = `
  SELECT i.id, i.survey_id, i.customer_id, i.source_type, i.source_id, i.status, i.expires_at,
    json_build_object('name', s.name, 'type', s.type, 'questions', s.questions, 'review_prompt', s.review_prompt,
      'completion_points', s.completion_points, 'deleted', s.deleted_at IS NOT NULL) AS survey
  FROM crm_survey_invitation i JOIN crm_survey s ON s.id = i.survey_id
  WHERE i.token_hash = ? AND i.deleted_at IS NULL`

/** The invitation a token's hash belongs to; null for an unknown token. */
export async function invitationByTokenHash(knex: Knex, tokenHash: string, forUpdate = false): Promise<TokenInvitation | null> {
  const { rows } = await knex.raw(`${TOKEN_INVITATION_SQL}${forUpdate ? " FOR UPDATE OF i" : ""}`, [tokenHash])
  return (rows[0] as TokenInvitation | undefined) ?? null
}

/**
 * Why a link cannot be used now, or null when it can: unknown; expired
 * (past its expiry, expired by the job, or its survey deleted; a survey
 * switched off still takes answers to links already sent); already
 * answered, which is "used" to a reader and "answered" (a second answer)
 * to someone answering.
 */
export type LinkProblem = "not_found" | "expired" | "used" | "answered"

export function linkProblem(invitation: TokenInvitation | null, intent: "read" | "answer", now: Date): LinkProblem | null {
  if (!invitation) {
    return "not_found"
  }
  if (invitation.status === "answered") {
    return intent === "answer" ? "answered" : "used"
  }
  if (invitation.status !== "sent" || invitation.survey.deleted || !invitation.expires_at || new Date(invitation.expires_at) <= now) {
    return "expired"
  }
  return null
}

/** The error of each problem: 404, 410 gone (expired or used) and 409 for a second answer. */
export function linkError(problem: LinkProblem): MedusaError {
  switch (problem) {
    case "not_found":
      return new MedusaError(MedusaError.Types.NOT_FOUND, "This survey link is not valid")
    case "answered":
      return new MedusaError(MedusaError.Types.CONFLICT, "This survey has already been answered")
    case "used":
      return new MedusaError(CrmErrorTypes.GONE as any, "This survey link has already been used")
    case "expired":
      return new MedusaError(CrmErrorTypes.GONE as any, "This survey link has expired")
  }
}

export type StoredResponse = { response: SurveyResponseDTO; invitation: TokenInvitation }

/**
 * Stores the answers to the invitation a token belongs to, once: the
 * invitation row is locked, so of two answers at once one is stored and
 * the other is a conflict. Unknown token: not found; expired: gone;
 * answers that do not fit the questions: invalid, with every problem.
 */
export async function submitResponse(
  knex: Knex,
  input: { token_hash: string; answers: SurveyAnswer[] },
  now: Date
): Promise<StoredResponse> {
  const found = await invitationByTokenHash(knex, input.token_hash, true)
  const problem = linkProblem(found, "answer", now)
  if (problem) {
    throw linkError(problem)
  }
  const invitation = found!
  const { survey } = invitation
  const check = checkAnswers(survey.questions, input.answers)
  if (!check.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, check.problems.join("; "))
  }
  const score = scoreOf(survey.type, check.answers)
  const hasText = textAnswersOf(survey.questions, check.answers).length > 0
  const [response] = await knex("crm_survey_response")
    .insert({
      id: generateEntityId(undefined, "srvres"),
      survey_id: invitation.survey_id,
      invitation_id: invitation.id,
      customer_id: invitation.customer_id,
      order_id: invitation.source_type === "order" ? invitation.source_id : null,
      ticket_id: invitation.source_type === "ticket" ? invitation.source_id : null,
      score,
      answers: JSON.stringify(check.answers),
      has_text: hasText,
      created_at: now,
      updated_at: now,
    })
    .returning(["id", "survey_id", "invitation_id", "customer_id", "order_id", "ticket_id", "score", "answers", "created_at"])
  await knex("crm_survey_invitation").where({ id: invitation.id }).update({ status: "answered", answered_at: now, updated_at: now })
  await addDailyCounts(knex, [{ survey_id: invitation.survey_id, day: now, score, responses: 1, text_responses: hasText ? 1 : 0 }])
  return {
    response: { ...response, survey: { id: invitation.survey_id, name: survey.name, type: survey.type } } as SurveyResponseDTO,
    invitation,
  }
}

/** Takes a stored answer back (the undo of `submitResponse`): the link works again. */
export async function withdrawResponse(knex: Knex, responseId: string): Promise<void> {
  const [response] = await knex("crm_survey_response")
    .where({ id: responseId })
    .delete()
    .returning(["invitation_id", "survey_id", "score", "has_text", "created_at"])
  if (!response) {
    return
  }
  await knex("crm_survey_invitation").where({ id: response.invitation_id }).update({ status: "sent", answered_at: null, updated_at: new Date() })
  await subtractDailyCounts(knex, [
    {
      survey_id: response.survey_id,
      day: new Date(response.created_at),
      score: response.score,
      responses: 1,
      text_responses: response.has_text ? 1 : 0,
    },
  ])
}

/** The answers about an order or from a customer, newest first, with their survey. */
export async function responsesOf(knex: Knex, filter: { order_id?: string; customer_id?: string }, limit = 50): Promise<SurveyResponseDTO[]> {
  const query = knex("crm_survey_response as r")
    .leftJoin("crm_survey as s", "s.id", "r.survey_id")
    .whereNull("r.deleted_at")
    .select(
      "r.id", "r.survey_id", "r.invitation_id", "r.customer_id", "r.order_id", "r.ticket_id", "r.score", "r.answers", "r.created_at",
      knex.raw(`CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'name', s.name, 'type', s.type, 'questions', s.questions) END AS survey`)
    )
    .orderBy([{ column: "r.created_at", order: "desc" }, { column: "r.id", order: "desc" }])
    .limit(limit)
  if (filter.order_id) query.where("r.order_id", filter.order_id)
  if (filter.customer_id) query.where("r.customer_id", filter.customer_id)
  return (await query) as SurveyResponseDTO[]
}
