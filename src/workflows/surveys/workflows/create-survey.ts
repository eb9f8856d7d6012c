import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SurveyType } from "../../../types/surveys"
import { prepareSurveyStep, type SurveyFields } from "../steps/prepare-survey"
import { createSurveyStep } from "../steps/write-survey"

export const createSurveyWorkflowId = "crm-create-survey"

/** A new survey: questions checked against its type (NPS and CSAT get the default questions when given none). */
export const createSurveyWorkflow = createWorkflow(createSurveyWorkflowId, (input: SurveyFields & { name: string; type: SurveyType }) => {
  const row = prepareSurveyStep({ fields: input })
  const survey = createSurveyStep(transform({ row, input }, ({ row, input }) => ({ ...row, name: input.name })))
  return new WorkflowResponse(survey)
})
