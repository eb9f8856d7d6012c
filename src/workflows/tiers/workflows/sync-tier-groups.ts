import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { syncTierGroupsStep } from "../steps/sync-tier-groups"

export const syncTierGroupsWorkflowId = "crm-sync-tier-groups"

/** Brings the given customers' tier-group memberships in line with their tiers (the reconciliation's pages). */
export const syncTierGroupsWorkflow = createWorkflow(syncTierGroupsWorkflowId, (input: { customer_ids: string[] }) => {
  return new WorkflowResponse(syncTierGroupsStep(input))
})
