import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { UpdateSurveySettings } from "../../../types/surveys"
import { updateSurveySettingsStep } from "../steps/update-survey-settings"

export const updateSurveySettingsWorkflowId = "crm-update-survey-settings"

export const updateSurveySettingsWorkflow = createWorkflow(updateSurveySettingsWorkflowId, (input: UpdateSurveySettings) => {
  return new WorkflowResponse(updateSurveySettingsStep(input))
})
