import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IOrderFactsModuleService } from "../../../modules/order-facts/service"
import type { OrderFactsInput } from "../../../types/order-facts"
import { CrmModules } from "../../../types/modules"

export const recordOrderFactsStepId = "crm-record-order-facts"

/**
 * Upserts the facts. No compensation: the facts are a projection of the
 * orders, rewritten whole by the next event or run, so a later failure in
 * the workflow leaves them correct, not half-done.
 */
export const recordOrderFactsStep = createStep(recordOrderFactsStepId, async (facts: OrderFactsInput, { container }) => {
  const orderFacts: IOrderFactsModuleService = container.resolve(CrmModules.ORDER_FACTS)
  return new StepResponse(await orderFacts.recordOrderFacts(facts))
})
