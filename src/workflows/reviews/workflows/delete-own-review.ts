import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeOwnReviewStep } from "../steps/remove-own-review"

export const deleteOwnReviewWorkflowId = "crm-delete-own-review"

/** The customer takes their review down; the moderators keep its history. */
export const deleteOwnReviewWorkflow = createWorkflow(deleteOwnReviewWorkflowId, (input: { id: string; customer_id: string }) => {
  const { after } = removeOwnReviewStep(input)
  return new WorkflowResponse(after)
})
