import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderLedgerKeys } from "../workflows/loyalty/order-keys"
import { reverseOrderPointsWorkflow } from "../workflows/loyalty/workflows/reverse-order-points"

/** Takes back what the order earned (idempotent by `cancel:{order_id}`). */
export default async function reversePointsOnOrderCanceled({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await reverseOrderPointsWorkflow(container).run({
    input: {
      order_id: data.id,
      idempotency_key: orderLedgerKeys.cancel(data.id),
      ratio: 1,
      reason: "order_canceled",
      source_type: "order",
      source_id: data.id,
    },
  })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "crm-loyalty-reverse-points-on-order-canceled" },
}
