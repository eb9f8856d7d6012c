import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const keepOwnOrderStepId = "crm-keep-own-order"

/**
 * The order id when the order is the customer's, else null: another
 * capability's event must still open its ticket when it names an order
 * that is not theirs (or no longer exists), only without the link. Reads only.
 */
export const keepOwnOrderStep = createStep(keepOwnOrderStepId, async (input: { customer_id: string; order_id?: string | null }, { container }) => {
  if (!input.order_id) {
    return new StepResponse<string | null>(null)
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: input.order_id } })
  return new StepResponse<string | null>(data[0]?.customer_id === input.customer_id ? input.order_id : null)
})
