import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { StatusChange } from "../../../modules/reviews/moderation-actions"
import { ReviewEvents } from "../events"
import { reviewEventData } from "../review-events"
import { changeReviewStatusesStep } from "../steps/change-review-statuses"

export const moderateReviewsWorkflowId = "crm-moderate-reviews"

export type ModerateReviewsInput = {
  changes: StatusChange[]
  reason?: string | null
  /** The admin user; null for the system. */
  actor_id: string | null
}

/**
 * A moderator approves, rejects or flags reviews, one or many: all or none,
 * each move kept in the review's history. Approvals and rejections are
 * announced (an approval earns the author points, once per product).
 */
export const moderateReviewsWorkflow = createWorkflow(moderateReviewsWorkflowId, (input: ModerateReviewsInput) => {
  const transitions = changeReviewStatusesStep({
    changes: input.changes,
    reason: transform({ input }, ({ input }) => input.reason ?? null),
    actor: transform({ input }, ({ input }) => ({ type: input.actor_id ? ("user" as const) : ("system" as const), id: input.actor_id })),
  })
  const events = transform({ transitions }, ({ transitions }) => {
    const data = (status: string) =>
      transitions
        .filter((t) => t.to_status === status)
        .map((t) => reviewEventData({ ...t, status: t.to_status }))
    return { approved: data("approved"), rejected: data("rejected") }
  })
  emitEventStep({ eventName: ReviewEvents.APPROVED, data: events.approved }).config({ name: "crm-emit-moderated-approved" })
  emitEventStep({ eventName: ReviewEvents.REJECTED, data: events.rejected }).config({ name: "crm-emit-moderated-rejected" })
  return new WorkflowResponse(transitions)
})
