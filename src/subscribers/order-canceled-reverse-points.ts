import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { restoreRedeemedPointsWorkflow } from "../workflows/loyalty/workflows/restore-redeemed-points"
import {
  cancelReversalOf,
  reverseOrderPointsWorkflow,
} from "../workflows/loyalty/workflows/reverse-order-points"

/**
 * Takes back what the order earned (`cancel:{order_id}`) and gives back the
 * points spent on it (`restore:{redemption_id}`); each happens once.
 */
export default async function reversePointsOnOrderCanceled({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await reverseOrderPointsWorkflow(container).run({ input: cancelReversalOf(data.id) })
  await restoreRedeemedPointsWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "crm-loyalty-reverse-points-on-order-canceled" },
}
