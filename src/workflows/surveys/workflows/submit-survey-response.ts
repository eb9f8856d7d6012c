import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { isDetractor } from "../../../modules/surveys/scores"
import { textAnswersOf } from "../../../modules/surveys/questions"
import { awardPointsWorkflow } from "../../loyalty/workflows/award-points"
import { SurveyEvents, type SurveyDetractorEventData, type SurveyRespondedEventData } from "../events"
import { submitSurveyResponseStep, type SubmitSurveyResponseInput } from "../steps/submit-survey-response"

export const submitSurveyResponseWorkflowId = "crm-submit-survey-response"

/**
 * A customer's answers through an invitation link (hosted page or store
 * API): stored once; `crm.survey.responded` for every answer and
 * `crm.survey.detractor` for NPS 0-6 or CSAT 1-2 (the tickets capability
 * opens a ticket); the survey's completion points, once per invitation.
 * Gives the stored response and the invitation it answered.
 */
export const submitSurveyResponseWorkflow = createWorkflow(submitSurveyResponseWorkflowId, (input: SubmitSurveyResponseInput) => {
  const stored = submitSurveyResponseStep(input)

  const events = transform({ stored }, ({ stored }) => {
    const { response, invitation } = stored
    const responded: SurveyRespondedEventData = {
      response_id: response.id,
      survey_id: response.survey_id,
      invitation_id: invitation.id,
      customer_id: response.customer_id,
      survey_type: invitation.survey.type,
      score: response.score,
      order_id: response.order_id,
      ticket_id: response.ticket_id,
    }
    const type = invitation.survey.type
    const detractor: SurveyDetractorEventData[] =
      type !== "custom" && response.score !== null && isDetractor(type, response.score)
        ? [
            {
              response_id: response.id,
              survey_id: response.survey_id,
              customer_id: response.customer_id,
              score: response.score,
              survey_type: type,
              comment: textAnswersOf(invitation.survey.questions, response.answers).map((answer) => answer.text).join("\n\n") || null,
              order_id: response.order_id,
              ticket_id: response.ticket_id,
            },
          ]
        : []
    return { responded: [responded], detractor }
  })
  emitEventStep({ eventName: SurveyEvents.RESPONDED, data: events.responded }).config({ name: "crm-emit-survey-responded" })
  when("crm-survey-when-detractor", { events }, ({ events }) => events.detractor.length > 0).then(() => {
    emitEventStep({ eventName: SurveyEvents.DETRACTOR, data: events.detractor }).config({ name: "crm-emit-survey-detractor" })
  })

  const award = transform({ stored }, ({ stored }) => ({
    customer_id: stored.response.customer_id,
    points: stored.invitation.survey.completion_points,
    reason: "survey_completed",
    source_type: "survey_invitation",
    source_id: stored.invitation.id,
    idempotency_key: `bonus:survey:${stored.invitation.id}`,
  }))
  when("crm-survey-when-points", { award }, ({ award }) => award.points > 0).then(() => {
    awardPointsWorkflow.runAsStep({ input: award })
  })

  return new WorkflowResponse(stored)
})
