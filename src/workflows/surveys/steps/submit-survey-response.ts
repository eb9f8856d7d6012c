import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SurveyAnswer } from "../../../types/surveys"
import { surveysOf } from "./surveys-of"

export const submitSurveyResponseStepId = "crm-submit-survey-response"

export type SubmitSurveyResponseInput = { token: string; answers: SurveyAnswer[]; now?: Date | string }

/**
 * Stores the answers to the invitation of a token, once (see
 * `submitResponse`); compensation takes them back, so the link works again.
 */
export const submitSurveyResponseStep = createStep(
  submitSurveyResponseStepId,
  async (input: SubmitSurveyResponseInput, { container }) => {
    const stored = await surveysOf(container).submitSurveyResponse(
      { token: input.token, answers: input.answers },
      input.now ? new Date(input.now) : new Date()
    )
    return new StepResponse(stored, stored.response.id)
  },
  async (responseId, { container }) => {
    if (responseId) {
      await surveysOf(container).withdrawSurveyResponse(responseId)
    }
  }
)
