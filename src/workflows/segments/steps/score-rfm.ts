import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { segmentsOf } from "./segments-of"

/**
 * Scores every customer's RFM as of `as_of` in one transaction. Not
 * compensated: a later failure leaves the new scores, which are as right as
 * the old ones were (the next run recomputes them anyway).
 */
export const scoreRfmStep = createStep("crm-score-rfm", async (input: { as_of: Date | string }, { container }) => {
  const result = await segmentsOf(container).scoreRfm(new Date(input.as_of))
  return new StepResponse(result)
})
