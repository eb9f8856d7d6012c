import type { MedusaContainer } from "@medusajs/framework/types"
import type { SegmentFields } from "../workflows/segments/steps/write-segment"
import { segmentsOf } from "../workflows/segments/steps/segments-of"
import { createSegmentPromotionWorkflow } from "../workflows/segments/workflows/create-segment-promotion"
import { createSegmentWorkflow } from "../workflows/segments/workflows/create-segment"
import { refreshSegmentWorkflow } from "../workflows/segments/workflows/refresh-segment"
import { scoreRfmWorkflow } from "../workflows/segments/workflows/score-rfm"

const DEMO_SEGMENTS: SegmentFields[] = [
  {
    name: "Repeat buyers",
    description: "Three orders or more in the last year",
    rules: { all: [{ field: "order_count", op: "gte", value: 3 }, { field: "last_order_at", op: "within_days", value: 365 }] },
    refresh: "daily",
  },
  {
    name: "Win-back",
    description: "Good customers drifting away (RFM at risk or cannot lose them)",
    rules: { any: [{ field: "rfm_group", op: "in", value: ["at_risk", "cannot_lose_them"] }] },
    refresh: "daily",
  },
  {
    name: "Unhappy with open tickets",
    description: "A detractor NPS answer or an open ticket",
    rules: { any: [{ field: "last_nps_score", op: "lte", value: 6 }, { field: "open_tickets", op: "gte", value: 1 }] },
    refresh: "hourly",
  },
]

/**
 * The demo's segments: RFM scored over the seeded orders, three segments
 * filled with their customer groups, and a 15 % win-back code for the
 * "Win-back" segment. Nothing when segments exist already.
 */
export async function seedDemoSegments(container: MedusaContainer): Promise<{ segments: number; members: number }> {
  const [, existing] = await segmentsOf(container).listAndCountSegments({}, { take: 1, withDeleted: true })
  if (existing > 0) {
    return { segments: 0, members: 0 }
  }
  await scoreRfmWorkflow(container).run({ input: {} })
  let members = 0
  for (const fields of DEMO_SEGMENTS) {
    const { result: segment } = await createSegmentWorkflow(container).run({ input: fields })
    const { result } = await refreshSegmentWorkflow(container).run({ input: { segment_id: segment.id } })
    members += result.segment.member_count
    if (fields.name === "Win-back") {
      await createSegmentPromotionWorkflow(container).run({
        input: {
          segment_id: segment.id,
          code: "COMEBACK15",
          application_method: { type: "percentage", value: 15, target_type: "order" },
          limit_per_customer: 1,
        },
      })
    }
  }
  return { segments: DEMO_SEGMENTS.length, members }
}
