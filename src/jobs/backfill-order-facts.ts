import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backfillOrderFacts } from "../workflows/order-facts/run-backfill"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

/**
 * After installation: records the facts of the orders the store already had,
 * 40 pages (10,000 orders) per run, resuming where the last run stopped.
 * Once finished it does nothing (one cursor read). `npx medusa exec
 * ./src/scripts/backfill-order-facts.ts` does the same in one go.
 */
export default async function backfillOrderFactsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const { orders, done } = await backfillOrderFacts(container, { max_pages: 40 })
    if (orders > 0) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .info(`CRM order facts back-fill: ${orders} orders recorded${done ? ", finished" : ", continuing"}`)
    }
  })
}

export const config = jobConfig("crm-order-facts-backfill", "*/5 * * * *")
