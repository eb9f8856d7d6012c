import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createOrderFulfillmentWorkflow, markOrderFulfillmentAsDeliveredWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"
import { subscribersOf } from "./events"
import type { ShippingFixtures } from "./shipping"
import { completeCartThroughStore, createCartThroughStore, StoreFixtures } from "./store"

/**
 * A storefront checkout with shipping: cart, address in Germany, the
 * fixtures' shipping option, pay, complete; returns once the `order.placed`
 * subscribers have run.
 */
export async function checkoutWithShipping(
  api: AxiosInstance,
  container: MedusaContainer,
  fixtures: StoreFixtures,
  shipping: ShippingFixtures,
  customerHeaders: Record<string, string>,
  quantity: number
) {
  const headers = { headers: customerHeaders }
  const cartId = await createCartThroughStore(api, fixtures, customerHeaders, quantity)
  await api.post(
    `/store/carts/${cartId}`,
    {
      shipping_address: {
        first_name: "Dana",
        last_name: "Deliver",
        address_1: "Hauptstraße 5",
        city: "Berlin",
        postal_code: "10115",
        country_code: "de",
      },
    },
    headers
  )
  await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: shipping.shippingOptionId }, headers)
  const placed = subscribersOf(container, "order.placed")
  const order = await completeCartThroughStore(api, customerHeaders, cartId)
  await placed
  return order
}

/**
 * As the merchant's admin does it: fulfils the order's items (all, or
 * `quantity` of each) from the warehouse and, unless told not to, marks the
 * fulfilment delivered (Medusa emits `delivery.created`; this waits for its
 * subscribers). Returns the fulfilment's id.
 */
export async function fulfilOrder(
  container: MedusaContainer,
  shipping: ShippingFixtures,
  orderId: string,
  options: { quantity?: number; deliver?: boolean } = {}
): Promise<string> {
  const order = await container.resolve(Modules.ORDER).retrieveOrder(orderId, { relations: ["items"] })
  const { result: fulfillment } = await createOrderFulfillmentWorkflow(container).run({
    input: {
      order_id: orderId,
      items: order.items!.map((item) => ({ id: item.id, quantity: options.quantity ?? Number(item.quantity) })),
      location_id: shipping.locationId,
    },
  })
  if (options.deliver !== false) {
    const delivered = subscribersOf(container, "delivery.created")
    await markOrderFulfillmentAsDeliveredWorkflow(container).run({ input: { orderId, fulfillmentId: fulfillment.id } })
    await delivered
  }
  return fulfillment.id
}
