import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reevaluateAllTiers } from "../workflows/tiers/evaluate-and-follow-up"

/**
 * Nightly: re-scores every member (downgrades happen only here, after the
 * grace period), follows up the moves and reconciles the tier groups.
 */
export default async function evaluateLoyaltyTiersJob(container: MedusaContainer) {
  const result = await reevaluateAllTiers(container)
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`CRM tiers re-evaluated: ${JSON.stringify(result)}`)
}

export const config = {
  name: "crm-loyalty-evaluate-tiers",
  schedule: "30 3 * * *",
}
