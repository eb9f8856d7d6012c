import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  deleteCustomerGroupsWorkflow,
  deletePromotionsWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { removeTierStep } from "../steps/remove-tier"
import { syncTierGroupsStep } from "../steps/sync-tier-groups"
import { TIER_LOCK_KEY } from "./evaluate-tiers"

export const deleteTierWorkflowId = "crm-delete-tier"

/**
 * Deletes a tier: its members move to the tier below (and into that tier's
 * group), then its promotions and customer group are deleted, last, as the
 * one part that cannot be undone.
 */
export const deleteTierWorkflow = createWorkflow(deleteTierWorkflowId, (input: { id: string }) => {
  acquireLockStep({ key: TIER_LOCK_KEY, timeout: 30, ttl: 120 })
  const removed = removeTierStep(input)
  syncTierGroupsStep(transform({ removed }, ({ removed }) => ({ customer_ids: removed.moved_customer_ids })))
  deletePromotionsWorkflow.runAsStep({
    input: transform({ removed }, ({ removed }) => ({
      ids: [removed.tier.discount_promotion_id, removed.tier.shipping_promotion_id].filter((id): id is string => !!id),
    })),
  })
  deleteCustomerGroupsWorkflow.runAsStep({
    input: transform({ removed }, ({ removed }) => ({
      ids: removed.tier.customer_group_id ? [removed.tier.customer_group_id] : [],
    })),
  })
  releaseLockStep({ key: TIER_LOCK_KEY })
  return new WorkflowResponse(removed.tier)
})
