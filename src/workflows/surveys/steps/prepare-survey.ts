import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { checkSurveyQuestions } from "../../../modules/surveys/questions"
import type { SurveyFields, SurveyQuestion, SurveyTriggerConfig, SurveyType } from "../../../types/surveys"

export type { SurveyFields }
import { surveysOf } from "./surveys-of"

export const prepareSurveyStepId = "crm-prepare-survey"

/** The columns of a survey row a change writes. */
export type SurveyRowChange = Omit<SurveyFields, "trigger"> & { trigger?: SurveyTriggerConfig["event"]; delay_hours?: number }

/**
 * Checks a new survey, or a change of one (`id`), and gives the row
 * change: questions fit the type (NPS and CSAT get their defaults), and a
 * survey with answers keeps its type (its results would mix scales).
 */
export const prepareSurveyStep = createStep(prepareSurveyStepId, async (input: { id?: string; fields: SurveyFields }, { container }) => {
  const surveys = surveysOf(container)
  const { trigger, ...fields } = input.fields
  const change: SurveyRowChange = { ...fields, ...(trigger ? { trigger: trigger.event, delay_hours: trigger.delay_hours } : {}) }
  let type = fields.type
  if (input.id) {
    const current = await surveys.retrieveSurvey(input.id)
    if (fields.type && fields.type !== current.type) {
      const [answered] = await surveys.listSurveyResponses({ survey_id: input.id }, { take: 1, select: ["id"] })
      if (answered) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "This survey has answers: its type cannot change (make a new survey instead)")
      }
    }
    type = fields.type ?? (current.type as SurveyType)
    if (!fields.type && !fields.questions) {
      return new StepResponse(change)
    }
    change.questions ??= fields.type === current.type ? (current.questions as unknown as SurveyQuestion[]) : undefined
  }
  const check = checkSurveyQuestions(type!, change.questions)
  if (!check.ok) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, check.problems.join("; "))
  }
  return new StepResponse({ ...change, questions: check.questions })
})
