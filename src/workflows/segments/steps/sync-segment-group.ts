import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { linkCustomersToCustomerGroupWorkflow } from "@medusajs/medusa/core-flows"
import { segmentsOf } from "./segments-of"

/** Customers per run of Medusa's group workflow: bounds each transaction and the memory it holds. */
export const GROUP_SYNC_CHUNK = 5000

type GroupChange = { group_id: string; add: string[]; remove: string[] }

async function applyInChunks(container: MedusaContainer, change: GroupChange) {
  for (let i = 0; i < Math.max(change.add.length, change.remove.length); i += GROUP_SYNC_CHUNK) {
    await linkCustomersToCustomerGroupWorkflow(container).run({
      input: {
        id: change.group_id,
        add: change.add.slice(i, i + GROUP_SYNC_CHUNK),
        remove: change.remove.slice(i, i + GROUP_SYNC_CHUNK),
      },
    })
  }
}

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
      return new StepResponse({ added: 0, removed: 0 }, null as GroupChange | null)
    }
    const difference = await segments.segmentGroupDifference(segment.id, segment.customer_group_id)
    const change: GroupChange = { group_id: segment.customer_group_id, ...difference }
    await applyInChunks(container, change)
    return new StepResponse({ added: change.add.length, removed: change.remove.length }, change as GroupChange | null)
  },
  async (change: GroupChange | null | undefined, { container }) => {
    if (change) {
      await applyInChunks(container, { group_id: change.group_id, add: change.remove, remove: change.add })
    }
  }
)
