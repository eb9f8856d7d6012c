import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { valuesBefore } from "../../../utils/settings-row"
import type { SurveyRowChange } from "./prepare-survey"
import { surveysOf } from "./surveys-of"

export const createSurveyStepId = "crm-create-survey"

/** Creates a survey; compensation deletes it. */
export const createSurveyStep = createStep(
  createSurveyStepId,
  async (row: SurveyRowChange & { name: string }, { container }) => {
    const survey = await surveysOf(container).createSurveys(row as any)
    return new StepResponse(survey, survey.id)
  },
  async (id, { container }) => {
    if (id) {
      await surveysOf(container).deleteSurveys(id)
    }
  }
)

export const updateSurveyStepId = "crm-update-survey"

/** Changes a survey; compensation writes back the fields it changed. */
export const updateSurveyStep = createStep(
  updateSurveyStepId,
  async (input: { id: string; change: SurveyRowChange }, { container }) => {
    const surveys = surveysOf(container)
    const current = await surveys.retrieveSurvey(input.id)
    const previous = valuesBefore(current as unknown as SurveyRowChange, input.change)
    const survey = await surveys.updateSurveys({ id: input.id, ...input.change } as any)
    return new StepResponse(survey, { id: input.id, previous })
  },
  async (undo, { container }) => {
    if (undo && Object.keys(undo.previous).length) {
      await surveysOf(container).updateSurveys({ id: undo.id, ...undo.previous } as any)
    }
  }
)

export const deleteSurveyStepId = "crm-delete-survey"

/** Soft-deletes a survey (its answers and results stay); compensation restores it. */
export const deleteSurveyStep = createStep(
  deleteSurveyStepId,
  async (id: string, { container }) => {
    const surveys = surveysOf(container)
    const survey = await surveys.retrieveSurvey(id)
    await surveys.softDeleteSurveys([id])
    return new StepResponse(survey, id)
  },
  async (id, { container }) => {
    if (id) {
      await surveysOf(container).restoreSurveys([id])
    }
  }
)
