import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { GroupLinkChange } from "../../../modules/loyalty/tiers/group-diff"
import { applyGroupLinkChanges, oppositeGroupLinkChange } from "../../customer-groups/apply-group-link-changes"
import { segmentsOf } from "./segments-of"

/**
 * Makes the segment's customer group hold exactly its members: the
 * difference (computed in SQL) is applied through Medusa's
 * `linkCustomersToCustomerGroupWorkflow` in chunks, so customers join and
 * leave the group as they would from the admin. No difference, no write.
 * Compensation applies the opposite difference.
 */
export const syncSegmentGroupStep = createStep(
  "crm-sync-segment-group",
  async (input: { segment_id: string }, { container }) => {
    const segments = segmentsOf(container)
    const segment = await segments.retrieveSegment(input.segment_id, { select: ["id", "customer_group_id"] })
    if (!segment.customer_group_id) {
      return new StepResponse({ added: 0, removed: 0 }, null as GroupLinkChange | null)
    }
    const difference = await segments.segmentGroupDifference(segment.id, segment.customer_group_id)
    const change: GroupLinkChange = { group_id: segment.customer_group_id, ...difference }
    await applyGroupLinkChanges(container, [change])
    return new StepResponse({ added: change.add.length, removed: change.remove.length }, change as GroupLinkChange | null)
  },
  async (change: GroupLinkChange | null | undefined, { container }) => {
    if (change) {
      await applyGroupLinkChanges(container, [oppositeGroupLinkChange(change)])
    }
  }
)
