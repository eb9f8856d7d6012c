import type { ConfigModule, LoaderOptions, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { eventBusWarning, registeredEventBus } from "../utils/event-bus-warning"

let warned = false

/**
 * Loader of the loyalty module: warns at boot when the app runs on the
 * in-memory event bus outside development and tests.
 *
 * It reads the event bus from the app's config, not from the container:
 * Medusa bootstraps modules concurrently and registers their services only
 * as each finishes loading, so when this loader runs the event bus may not
 * be resolvable yet. At most once per process, however often modules load.
 */
export default async function eventBusWarningLoader({ container }: LoaderOptions) {
  if (warned) {
    return
  }
  // Undefined where the module loads without an app (module tests).
  const configModule = container.resolve<ConfigModule | undefined>(ContainerRegistrationKeys.CONFIG_MODULE)
  if (!configModule) {
    return
  }
  const warning = eventBusWarning({
    nodeEnv: process.env.NODE_ENV,
    eventBusName: registeredEventBus(configModule.modules),
  })
  if (warning) {
    warned = true
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(warning)
  }
}
