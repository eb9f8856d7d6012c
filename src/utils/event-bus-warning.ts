import type { ConfigModule } from "@medusajs/framework/types"
import { MODULE_PACKAGE_NAMES, Modules } from "@medusajs/framework/utils"

/**
 * Medusa's in-memory event bus (`@medusajs/medusa/event-bus-local`, or the
 * standalone `@medusajs/event-bus-local`, or a path into either).
 */
const IN_MEMORY_EVENT_BUS = /(^|[/\\])event-bus-local([/\\]|$)/

/**
 * The event bus module the app loads, as registered in its config: the
 * registration's `resolve`, or Medusa's default (the in-memory bus) when
 * there is none. Null when it is given as module exports rather than a name.
 */
export function registeredEventBus(modules: ConfigModule["modules"]): string | null {
  const registration = modules?.[Modules.EVENT_BUS]
  if (registration === undefined || registration === true) {
    return MODULE_PACKAGE_NAMES[Modules.EVENT_BUS]
  }
  if (registration === false) {
    return null
  }
  const resolve = ("resolve" in registration ? registration.resolve : undefined) ?? MODULE_PACKAGE_NAMES[Modules.EVENT_BUS]
  return typeof resolve === "string" ? resolve : null
}

/**
 * The start-up warning for an app running on the in-memory event bus
 * outside development and tests, or null when there is nothing to say.
 * `eventBusName` is the event bus module as registered (`registeredEventBus`).
 */
export function eventBusWarning({ nodeEnv, eventBusName }: { nodeEnv: string | undefined; eventBusName: string | null }): string | null {
  if (nodeEnv === "development" || nodeEnv === "test") {
    return null
  }
  if (!eventBusName || !IN_MEMORY_EVENT_BUS.test(eventBusName)) {
    return null
  }
  return (
    `medusa-plugin-crm: this app runs on Medusa's in-memory event bus (${eventBusName}) with NODE_ENV=${nodeEnv ?? "(unset)"}. ` +
    "Its events are not retried when a subscriber fails and are lost if the process crashes or restarts, " +
    "so points, tiers, tickets, surveys and segments can miss orders and other changes. " +
    "In production register @medusajs/medusa/event-bus-redis with jobOptions.attempts (e.g. 3), " +
    "@medusajs/medusa/workflow-engine-redis and @medusajs/medusa/locking-redis " +
    '(see the plugin README, section "Running at scale").'
  )
}
