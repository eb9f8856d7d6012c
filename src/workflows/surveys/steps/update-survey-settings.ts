import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateSurveySettings } from "../../../types/surveys"
import { valuesBefore } from "../../../utils/settings-row"
import { surveysOf } from "./surveys-of"

export const updateSurveySettingsStepId = "crm-update-survey-settings"

/** Changes the survey settings; compensation puts back the fields it changed. */
export const updateSurveySettingsStep = createStep(
  updateSurveySettingsStepId,
  async (change: UpdateSurveySettings, { container }) => {
    const surveys = surveysOf(container)
    const previous = valuesBefore(await surveys.loadSurveySettings(), change)
    return new StepResponse(await surveys.changeSurveySettings(change), previous)
  },
  async (previous, { container }) => {
    if (previous && Object.keys(previous).length) {
      await surveysOf(container).changeSurveySettings(previous)
    }
  }
)
