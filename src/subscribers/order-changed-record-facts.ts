import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { recordOrderFactsWorkflow } from "../workflows/order-facts/workflows/record-order-facts"

/**
 * Rewrites the order's facts when it is cancelled, completed or a return
 * is received: the cancelled or returned spend stops counting towards
 * tiers (downgrades wait for the re-evaluation and its grace period).
 */
export default async function recordFactsOnOrderChanged({
  event: { data },
  container,
}: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const orderId = data.order_id ?? data.id
  if (orderId) {
    await recordOrderFactsWorkflow(container).run({ input: { order_ids: [orderId] } })
  }
}

export const config: SubscriberConfig = {
  event: ["order.canceled", "order.completed", "order.return_received"],
  context: { subscriberId: "crm-order-facts-on-order-changed" },
}
