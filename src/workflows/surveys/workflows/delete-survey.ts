import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteSurveyStep } from "../steps/write-survey"

export const deleteSurveyWorkflowId = "crm-delete-survey"

/**
 * Deletes a survey: it sends nothing more (its scheduled invitations are
 * skipped, its links answer "expired"); its answers and results are kept.
 */
export const deleteSurveyWorkflow = createWorkflow(deleteSurveyWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(deleteSurveyStep(input.id))
})
