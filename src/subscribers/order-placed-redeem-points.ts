import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { redeemOrderPointsWorkflow } from "../workflows/loyalty/workflows/redeem-order-points"

/** Spends the points held by the order's cart (once per redemption). */
export default async function redeemPointsOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await redeemOrderPointsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "crm-loyalty-redeem-points-on-order-placed" },
}
