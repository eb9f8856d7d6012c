import { TestEventUtils } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * How long to wait for subscribers: `order.placed` runs several workflows
 * (facts, tiers, points), and a 2-core CI machine under load needs more
 * than test-utils' default 15 s.
 */
const SUBSCRIBERS_TIMEOUT_MS = 60_000

/** Emits `name` `times` times at once and waits until every delivery ran. */
export async function deliver(container: MedusaContainer, name: string, data: object, times = 1) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const done = TestEventUtils.waitSubscribersExecution(name, eventBus, {
    triggerCount: times,
    timeout: SUBSCRIBERS_TIMEOUT_MS,
  })
  await Promise.all(Array.from({ length: times }, () => eventBus.emit({ name, data })))
  await done
}

/** Resolves once the subscribers of the next `name` event have run. */
export const subscribersOf = (container: MedusaContainer, name: string) =>
  TestEventUtils.waitSubscribersExecution(name, container.resolve(Modules.EVENT_BUS), { timeout: SUBSCRIBERS_TIMEOUT_MS })
