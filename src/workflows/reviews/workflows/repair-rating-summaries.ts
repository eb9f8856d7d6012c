import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { repairRatingSummariesStep } from "../steps/repair-rating-summaries"

export const repairRatingSummariesWorkflowId = "crm-repair-rating-summaries"

/** Checks (and with `repair`, rewrites) every product's kept rating summary against its reviews. */
export const repairRatingSummariesWorkflow = createWorkflow(repairRatingSummariesWorkflowId, (input: { repair: boolean }) =>
  new WorkflowResponse(repairRatingSummariesStep(input))
)
