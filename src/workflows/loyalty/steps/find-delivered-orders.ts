import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"

export const findDeliveredOrdersStepId = "crm-find-delivered-orders"

type ItemDelivery = { quantity: unknown; delivered_quantity: unknown; requires_shipping?: boolean | null }

/** Whether every item that ships has been delivered in full. */
export function isFullyDelivered(items: ItemDelivery[]): boolean {
  return items
    .filter((item) => item.requires_shipping !== false)
    .every((item) => MathBN.gte(MathBN.convert((item.delivered_quantity as any) ?? 0), MathBN.convert((item.quantity as any) ?? 0)))
}

/**
 * The orders, among these, whose shipped items have all been delivered: a
 * first parcel of two does not vest the order's points, the last one does
 * (an order with nothing to ship vests by days only).
 */
export const findDeliveredOrdersStep = createStep(
  findDeliveredOrdersStepId,
  async (input: { order_ids: string[] }, { container }) => {
    if (!input.order_ids.length) {
      return new StepResponse([] as string[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "items.id", "items.requires_shipping", "items.detail.quantity", "items.detail.delivered_quantity"],
      filters: { id: input.order_ids },
    })
    const delivered = orders.filter((order) => {
      const items = (order.items ?? []).filter(Boolean).map((item: any) => ({
        quantity: item.detail?.quantity,
        delivered_quantity: item.detail?.delivered_quantity,
        requires_shipping: item.requires_shipping,
      }))
      return items.some((item) => item.requires_shipping !== false) && isFullyDelivered(items)
    })
    return new StepResponse(delivered.map((order) => order.id as string))
  }
)
