import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { SegmentEvents } from "../events"
import { applySegmentMembersStep } from "../steps/apply-segment-members"
import { syncSegmentGroupStep } from "../steps/sync-segment-group"

export const refreshSegmentWorkflowId = "crm-refresh-segment"

export const segmentLockKey = (segmentId: string) => `crm-segment:${segmentId}`

/**
 * Re-evaluates a segment: its members become the customers its rules match
 * now, then its customer group is brought in line with them. One refresh of
 * a segment at a time (a lock), so a manual refresh and the job never
 * interleave their group changes.
 */
export const refreshSegmentWorkflow = createWorkflow(
  refreshSegmentWorkflowId,
  (input: { segment_id: string; now?: Date | string }) => {
    const key = transform({ input }, ({ input }) => segmentLockKey(input.segment_id))
    acquireLockStep({ key, timeout: 120, ttl: 900 })
    const applied = applySegmentMembersStep(
      transform({ input }, ({ input }) => ({ segment_id: input.segment_id, now: input.now ?? new Date() }))
    )
    const group = syncSegmentGroupStep({ segment_id: input.segment_id })
    emitEventStep({
      eventName: SegmentEvents.REFRESHED,
      data: transform({ applied, group }, ({ applied, group }) => ({
        id: applied.segment.id,
        joined: applied.joined,
        left: applied.left,
        group_added: group.added,
        group_removed: group.removed,
      })),
    })
    releaseLockStep({ key })
    return new WorkflowResponse(
      transform({ applied, group }, ({ applied, group }) => ({ ...applied, group_added: group.added, group_removed: group.removed }))
    )
  }
)
