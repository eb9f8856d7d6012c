import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteCustomerGroupsWorkflow } from "@medusajs/medusa/core-flows"
import { deleteSegmentStep, purgeSegmentMembersStep } from "../steps/write-segment"

export const deleteSegmentWorkflowId = "crm-delete-segment"

/**
 * Deletes a segment and its customer group: promotions that targeted the
 * group stop applying to anyone. The member rows go last.
 */
export const deleteSegmentWorkflow = createWorkflow(deleteSegmentWorkflowId, (input: { id: string }) => {
  const segment = deleteSegmentStep(input)
  deleteCustomerGroupsWorkflow.runAsStep({
    input: transform({ segment }, ({ segment }) => ({ ids: segment.customer_group_id ? [segment.customer_group_id] : [] })),
  })
  purgeSegmentMembersStep({ ids: [input.id] })
  return new WorkflowResponse(segment)
})
