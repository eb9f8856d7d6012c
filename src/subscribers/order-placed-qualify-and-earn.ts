import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/workflows/earn-order-points"
import { recordOrderFactsWorkflow } from "../workflows/order-facts/workflows/record-order-facts"
import { upgradeTiers } from "../workflows/tiers/evaluate-and-follow-up"

/**
 * In this order, so the order that lifts a member into a tier already earns
 * at that tier's multiplier: the order's facts, the member's upgrade (never
 * a downgrade), then the points (idempotent by `earn:{order_id}`), then the
 * upgrade check again for stores whose tiers are earned with points (the
 * order's points count only once credited; with spend it finds nothing to
 * do). Each part is idempotent, so a replayed event changes nothing.
 */
export default async function qualifyAndEarnOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const { result: facts } = await recordOrderFactsWorkflow(container).run({ input: { order_ids: [data.id] } })
  await upgradeTiers(container, facts.customer_ids, "order")
  await earnOrderPointsWorkflow(container).run({ input: { order_id: data.id } })
  await upgradeTiers(container, facts.customer_ids, "order")
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "crm-loyalty-qualify-and-earn-on-order-placed" },
}
