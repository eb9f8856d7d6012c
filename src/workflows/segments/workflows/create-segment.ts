import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCustomerGroupsWorkflow } from "@medusajs/medusa/core-flows"
import { segmentGroupName } from "../group-name"
import { createSegmentStep, type SegmentFields, updateSegmentStep } from "../steps/write-segment"

export const createSegmentWorkflowId = "crm-create-segment"

/**
 * A new segment and the Medusa customer group that mirrors it (named
 * "Segment: <name>", its metadata pointing back). Filling it is a refresh
 * (refreshSegmentWorkflow), which the route runs next.
 */
export const createSegmentWorkflow = createWorkflow(createSegmentWorkflowId, (input: SegmentFields) => {
  const segment = createSegmentStep(input)
  const groups = createCustomerGroupsWorkflow.runAsStep({
    input: transform({ segment }, ({ segment }) => ({
      customersData: [{ name: segmentGroupName(segment.name), metadata: { crm_segment_id: segment.id } }],
    })),
  })
  const linked = updateSegmentStep(
    transform({ segment, groups }, ({ segment, groups }) => ({ id: segment.id, customer_group_id: groups[0].id }))
  )
  return new WorkflowResponse(transform({ linked }, ({ linked }) => linked.segment))
})
