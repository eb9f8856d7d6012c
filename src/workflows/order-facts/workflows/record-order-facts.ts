import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { factsOfOrders, ORDER_FACT_FIELDS, OrderForFacts } from "../../../modules/order-facts/facts-of-orders"
import { loadCurrencyConversionStep } from "../steps/load-currency-conversion"
import { recordOrderFactsStep } from "../steps/record-order-facts"

export const recordOrderFactsWorkflowId = "crm-record-order-facts"

/**
 * Writes the facts of the given orders as they are now: on `order.placed`,
 * `order.canceled`, a received return, the reconciliation and the back-fill
 * alike, so every path gives the same rows and a replay changes nothing.
 */
export const recordOrderFactsWorkflow = createWorkflow(recordOrderFactsWorkflowId, (input: { order_ids: string[] }) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: ORDER_FACT_FIELDS,
    filters: { id: input.order_ids },
  }).config({ name: "crm-facts-get-orders" })
  const conversion = loadCurrencyConversionStep()
  const facts = transform({ orders, conversion }, ({ orders, conversion }) =>
    factsOfOrders(orders as unknown as OrderForFacts[], conversion)
  )
  return new WorkflowResponse(recordOrderFactsStep(facts))
})
