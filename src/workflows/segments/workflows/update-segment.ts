import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCustomerGroupsWorkflow } from "@medusajs/medusa/core-flows"
import { segmentGroupName } from "../group-name"
import { type SegmentUpdate, updateSegmentStep } from "../steps/write-segment"

export const updateSegmentWorkflowId = "crm-update-segment"

/** Changes a segment; a new name renames its customer group too. New rules take effect at the next refresh. */
export const updateSegmentWorkflow = createWorkflow(updateSegmentWorkflowId, (input: SegmentUpdate) => {
  const updated = updateSegmentStep(input)
  when({ updated }, ({ updated }) => updated.before.name !== updated.segment.name && !!updated.segment.customer_group_id).then(() => {
    updateCustomerGroupsWorkflow.runAsStep({
      input: transform({ updated }, ({ updated }) => ({
        selector: { id: updated.segment.customer_group_id! },
        update: { name: segmentGroupName(updated.segment.name) },
      })),
    })
  })
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.segment))
})
