import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { orderLedgerKeys } from "../workflows/loyalty/order-keys"
import { restoreRedeemedPointsWorkflow } from "../workflows/loyalty/workflows/restore-redeemed-points"
import { reverseOrderPointsWorkflow } from "../workflows/loyalty/workflows/reverse-order-points"

/**
 * Takes back what the order earned (`cancel:{order_id}`) and gives back the
 * points spent on it (`restore:{redemption_id}`); each happens once.
 */
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
  await restoreRedeemedPointsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "crm-loyalty-reverse-points-on-order-canceled" },
}
