import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { RescoreMembersInput } from "../../../modules/loyalty/service"
import { checkTierBenefitsStep } from "../steps/check-tier-benefits"
import { provisionTierBenefitsStep } from "../steps/provision-tier-benefits"
import { rescoreMembersStep } from "../steps/rescore-members"

export const evaluateTiersWorkflowId = "crm-evaluate-tiers"

/** Serialises runs that may create groups and promotions for the ladder. */
export const TIER_LOCK_KEY = "crm-loyalty-tiers"

/**
 * Places members on the ladder: the given customers after an order
 * (`upgrade_only`), or every member on the scheduled re-evaluation. Makes
 * sure every tier has its group and promotions first (under a store-wide
 * lock, which the order path only takes while something is missing). The
 * moves it makes are followed up by processTierChangesWorkflow.
 */
export const evaluateTiersWorkflow = createWorkflow(evaluateTiersWorkflowId, (input: RescoreMembersInput) => {
  const onlyMissing = transform({ input }, ({ input }) => ({ only_missing: input.upgrade_only }))
  const needed = checkTierBenefitsStep(onlyMissing)
  when("crm-evaluate-tiers-when-provisioning", { needed }, ({ needed }) => needed).then(() => {
    acquireLockStep({ key: TIER_LOCK_KEY, timeout: 30, ttl: 600 })
    provisionTierBenefitsStep(onlyMissing)
    releaseLockStep({ key: TIER_LOCK_KEY })
  })
  const counts = rescoreMembersStep(input)
  return new WorkflowResponse(counts)
})
