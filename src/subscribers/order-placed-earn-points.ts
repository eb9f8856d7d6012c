import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/workflows/earn-order-points"

/** Credits the order's points as pending (idempotent by `earn:{order_id}`). */
export default async function earnPointsOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await earnOrderPointsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "crm-loyalty-earn-points-on-order-placed" },
}
