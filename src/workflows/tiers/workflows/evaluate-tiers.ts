import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { RescoreMembersInput } from "../../../modules/loyalty/service"
import { provisionTierBenefitsStep } from "../steps/provision-tier-benefits"
import { rescoreMembersStep } from "../steps/rescore-members"

export const evaluateTiersWorkflowId = "crm-evaluate-tiers"

/** Serialises runs that may create groups and promotions for the ladder. */
export const TIER_LOCK_KEY = "crm-loyalty-tiers"

/**
 * Places members on the ladder: the given customers after an order
 * (`upgrade_only`), or every member on the scheduled re-evaluation. Makes
 * sure every tier has its group and promotions first. The moves it makes
 * are processed (groups, event, e-mail) by processTierChangesWorkflow.
 */
export const evaluateTiersWorkflow = createWorkflow(evaluateTiersWorkflowId, (input: RescoreMembersInput) => {
  acquireLockStep({ key: TIER_LOCK_KEY, timeout: 30, ttl: 600 })
  provisionTierBenefitsStep(transform({ input }, ({ input }) => ({ only_missing: input.upgrade_only })))
  const counts = rescoreMembersStep(input)
  releaseLockStep({ key: TIER_LOCK_KEY })
  return new WorkflowResponse(counts)
})
