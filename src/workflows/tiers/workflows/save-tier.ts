import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { provisionTierBenefitsStep } from "../steps/provision-tier-benefits"
import { saveTierStep, SaveTierInput } from "../steps/save-tier"
import { TIER_LOCK_KEY } from "./evaluate-tiers"

export const saveTierWorkflowId = "crm-save-tier"

/**
 * Creates (no `id`) or changes a tier, then brings its customer group and
 * promotions in line (a new discount, a changed percentage, free shipping
 * switched off...). Members are re-placed by the next evaluation.
 */
export const saveTierWorkflow = createWorkflow(saveTierWorkflowId, (input: SaveTierInput) => {
  acquireLockStep({ key: TIER_LOCK_KEY, timeout: 30, ttl: 120 })
  const saved = saveTierStep(input)
  const ladder = provisionTierBenefitsStep({})
  releaseLockStep({ key: TIER_LOCK_KEY })
  // The tier as provisioning left it (with its group and promotion ids).
  return new WorkflowResponse(transform({ saved, ladder }, ({ saved, ladder }) => ladder.find((t) => t.id === saved.id)!))
})
