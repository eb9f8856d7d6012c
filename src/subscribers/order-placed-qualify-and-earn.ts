import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { ILoyaltyModuleService } from "../modules/loyalty/service"
import { CrmModules } from "../types/modules"
import { failOnceForTest } from "../utils/test-faults"
import { earnOrderPointsWorkflow } from "../workflows/loyalty/workflows/earn-order-points"
import { recordOrderFactsWorkflow } from "../workflows/order-facts/workflows/record-order-facts"
import { upgradeTiers } from "../workflows/tiers/evaluate-and-follow-up"

/**
 * In this order, so the order that lifts a member into a tier already earns
 * at that tier's multiplier: the order's facts, the member's upgrade (never
 * a downgrade), then the points (idempotent by `earn:{order_id}`). Where
 * tiers are earned with points, the order counts only once its points are
 * credited, so the upgrade check runs again after them. Each part is
 * idempotent, so a replayed event changes nothing.
 *
 * The test fault `order-placed-earn` fails a delivery right after its points
 * are credited, so tests can show a retry re-running an applied earn without
 * crediting it twice (src/utils/test-faults.ts: off unless a test switches it
 * on, never in production).
 */
export default async function qualifyAndEarnOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  const { result: facts } = await recordOrderFactsWorkflow(container).run({ input: { order_ids: [data.id] } })
  await upgradeTiers(container, facts.customer_ids, "order")
  await earnOrderPointsWorkflow(container).run({ input: { order_id: data.id } })
  failOnceForTest("order-placed-earn", data.id)
  const settings = await container.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY).loadSettings()
  if (settings.tier_measure === "points") {
    await upgradeTiers(container, facts.customer_ids, "order")
  }
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "crm-loyalty-qualify-and-earn-on-order-placed" },
}
