import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { factsOfOrders } from "../../../modules/order-facts/facts-of-orders"
import { findBackfillPageStep, moveBackfillCursorStep } from "../steps/find-backfill-page"
import { loadCurrencyConversionStep } from "../steps/load-currency-conversion"
import { recordOrderFactsStep } from "../steps/record-order-facts"

export const backfillOrderFactsWorkflowId = "crm-backfill-order-facts"

/**
 * One page of the back-fill: the next `limit` orders after the stored
 * cursor (by creation time), recorded exactly as live events would record
 * them, then the cursor moved past them. Run it until `done`; a run that is
 * stopped resumes at the cursor.
 */
export const backfillOrderFactsWorkflow = createWorkflow(backfillOrderFactsWorkflowId, (input: { limit: number }) => {
  const page = findBackfillPageStep(input)
  const conversion = loadCurrencyConversionStep()
  const recorded = recordOrderFactsStep(
    transform({ page, conversion }, ({ page, conversion }) => factsOfOrders(page.orders, conversion))
  )
  moveBackfillCursorStep(transform({ page }, ({ page }) => page.position))
  return new WorkflowResponse(
    transform({ page, recorded }, ({ page, recorded }) => ({ ...recorded, done: page.done, position: page.position }))
  )
})
