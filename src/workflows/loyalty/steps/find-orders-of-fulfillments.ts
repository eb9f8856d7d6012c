import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const findOrdersOfFulfillmentsStepId = "crm-find-orders-of-fulfillments"

/** The orders the given fulfilments belong to (the order-fulfilment link). */
export const findOrdersOfFulfillmentsStep = createStep(
  findOrdersOfFulfillmentsStepId,
  async (input: { fulfillment_ids: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order_fulfillment",
      fields: ["order_id"],
      filters: { fulfillment_id: input.fulfillment_ids },
    })
    const orderIds = [...new Set<string>(data.map((link) => link.order_id as string))]
    return new StepResponse(orderIds)
  }
)
