import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { repairRatingSummariesWorkflow } from "../workflows/reviews/workflows/repair-rating-summaries"

/**
 * `npx medusa exec ./node_modules/medusa-plugin-crm/.medusa/server/src/scripts/check-review-summaries.js`
 * (or `./src/scripts/check-review-summaries.ts` in this repository): compares
 * every product's kept rating summary with a fresh aggregate of its approved
 * reviews and lists the products that differ. With `CRM_REPAIR=1` it also
 * rewrites them. Summaries are kept in step on every change; this is for
 * after manual edits to the tables.
 */
export default async function checkReviewSummaries({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const repair = process.env.CRM_REPAIR === "1"
  const { result } = await repairRatingSummariesWorkflow(container).run({ input: { repair } })
  logger.info(
    `review summaries: ${result.checked} products checked, ${result.differing.length} differed` +
      (result.differing.length ? `${repair ? " and were rewritten" : " (CRM_REPAIR=1 rewrites them)"}: ${result.differing.join(", ")}` : "")
  )
}
