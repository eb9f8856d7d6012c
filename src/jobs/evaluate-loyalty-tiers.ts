import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reevaluateAllTiers } from "../workflows/tiers/evaluate-and-follow-up"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

/**
 * Nightly: re-scores every member (downgrades happen only here, after the
 * grace period), follows up the moves and reconciles the tier groups.
 */
export default async function evaluateLoyaltyTiersJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const result = await reevaluateAllTiers(container)
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`CRM tiers re-evaluated: ${JSON.stringify(result)}`)
  })
}

export const config = jobConfig("crm-loyalty-evaluate-tiers", "30 3 * * *")
