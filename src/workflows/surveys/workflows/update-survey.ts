import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { prepareSurveyStep, type SurveyFields } from "../steps/prepare-survey"
import { updateSurveyStep } from "../steps/write-survey"

export const updateSurveyWorkflowId = "crm-update-survey"

/** Changes a survey; one with answers keeps its type. */
export const updateSurveyWorkflow = createWorkflow(updateSurveyWorkflowId, (input: SurveyFields & { id: string }) => {
  const fields = transform({ input }, ({ input }) => {
    const { id: _id, ...fields } = input
    return fields
  })
  const change = prepareSurveyStep({ id: input.id, fields })
  const survey = updateSurveyStep({ id: input.id, change })
  return new WorkflowResponse(survey)
})
