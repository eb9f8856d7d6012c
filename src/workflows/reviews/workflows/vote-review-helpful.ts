import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { voteReviewHelpfulStep } from "../steps/vote-review-helpful"

export const voteReviewHelpfulWorkflowId = "crm-vote-review-helpful"

export const voteReviewHelpfulWorkflow = createWorkflow(
  voteReviewHelpfulWorkflowId,
  (input: { review_id: string; customer_id: string }) => new WorkflowResponse(voteReviewHelpfulStep(input))
)
