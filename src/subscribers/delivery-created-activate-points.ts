import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { activateDeliveredOrderPointsWorkflow } from "../workflows/loyalty/workflows/activate-delivered-order-points"

/** A delivered fulfilment vests its order's pending points. */
export default async function activatePointsOnDelivery({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await activateDeliveredOrderPointsWorkflow(container).run({ input: { fulfillment_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "delivery.created",
  context: { subscriberId: "crm-loyalty-activate-points-on-delivery" },
}
