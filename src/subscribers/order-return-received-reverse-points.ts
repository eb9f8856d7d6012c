import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { reverseReturnedPointsWorkflow } from "../workflows/loyalty/workflows/reverse-returned-points"

/** Takes back the returned share of the order's points (once per return). */
export default async function reversePointsOnReturnReceived({
  event: { data },
  container,
}: SubscriberArgs<{ order_id: string; return_id: string }>) {
  await reverseReturnedPointsWorkflow(container).run({
    input: { order_id: data.order_id, return_id: data.return_id },
  })
}

export const config: SubscriberConfig = {
  event: "order.return_received",
  context: { subscriberId: "crm-loyalty-reverse-points-on-return-received" },
}
