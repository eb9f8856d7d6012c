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

/** Polls every `everyMs` until `check` holds (subscribers run after the call that triggers them returns); fails naming what it waited for. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeout = 30_000, everyMs = 100) {
  const end = Date.now() + timeout
  while (!(await check())) {
    if (Date.now() > end) {
      throw new Error(`Timed out after ${timeout / 1000} s waiting for ${what}`)
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/**
 * A test's own event listeners: `listen(name)` is every `name` event from
 * then on, as the plugin's subscribers receive it; call `stopAll()` in
 * `afterEach`.
 */
export function eventListeners(getContainer: () => MedusaContainer) {
  const unsubscribes: (() => void)[] = []
  return {
    listen<T>(name: string): T[] {
      const seen: T[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      const subscriberId = `test-${name}-${unsubscribes.length}`
      const subscriber = async (event: { data: T }) => void seen.push(event.data)
      eventBus.subscribe(name, subscriber as any, { subscriberId })
      unsubscribes.push(() => eventBus.unsubscribe(name, subscriber as any, { subscriberId }))
      return seen
    },
    stopAll() {
      unsubscribes.splice(0).forEach((unsubscribe) => unsubscribe())
    },
  }
}
