import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { backfillOrderFacts } from "../workflows/order-facts/run-backfill"

/**
 * `npx medusa exec ./node_modules/medusa-plugin-crm/.medusa/server/src/scripts/backfill-order-facts.js`
 * (or `./src/scripts/backfill-order-facts.ts` in this repository): records
 * the facts of every existing order, then re-evaluates the tiers. Stop it
 * at any time; the next run resumes at the stored cursor.
 */
export default async function backfillOrderFactsScript({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { orders, done } = await backfillOrderFacts(container, {
    onPage: (recorded) => logger.info(`order facts: ${recorded} orders recorded`),
  })
  logger.info(done ? `order facts back-fill finished (${orders} orders this run), tiers re-evaluated` : "stopped")
}
