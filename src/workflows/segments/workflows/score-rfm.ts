import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SegmentEvents } from "../events"
import { scoreRfmStep } from "../steps/score-rfm"

export const scoreRfmWorkflowId = "crm-score-rfm"

/** Recomputes and stores every customer's RFM scores and group as of `as_of` (default now). */
export const scoreRfmWorkflow = createWorkflow(scoreRfmWorkflowId, (input: { as_of?: Date | string }) => {
  const scored = scoreRfmStep(transform({ input }, ({ input }) => ({ as_of: input.as_of ?? new Date() })))
  emitEventStep({
    eventName: SegmentEvents.RFM_SCORED,
    data: transform({ scored }, ({ scored }) => ({ scored_at: scored.scored_at, customers: scored.customers, changed: scored.changed })),
  })
  return new WorkflowResponse(scored)
})
