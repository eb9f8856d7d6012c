import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseSegmentRule } from "../../../modules/segments/rules/parse"
import type { SegmentDTO } from "../../../types/segments"
import { assertRuleCapabilities } from "../rule-capabilities"
import { segmentsOf } from "./segments-of"
import { MedusaError } from "@medusajs/framework/utils"

type Compensation = {
  segment_id: string
  joined: string[]
  left: { customer_id: string; joined_at: string }[]
  counts: Pick<SegmentDTO, "member_count" | "refreshed_at" | "last_joined" | "last_left">
}

/**
 * Evaluates the segment's rules at `now` and makes its member rows match
 * (one statement, see members.ts), then records the counts on the segment.
 * Compensation takes the joined out, puts the departed back and restores
 * the counts.
 */
export const applySegmentMembersStep = createStep(
  "crm-apply-segment-members",
  async (input: { segment_id: string; now: Date | string }, { container }) => {
    const segments = segmentsOf(container)
    const segment = await segments.retrieveSegment(input.segment_id)
    // Stored rules were checked when saved; checked again so a rule saved by an older version cannot reach SQL unchecked.
    const { rule, problems } = parseSegmentRule(segment.rules)
    if (!rule) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Segment ${segment.id} has rules this version cannot run: ${problems.join("; ")}`)
    }
    assertRuleCapabilities(container, rule)
    const now = new Date(input.now)
    const change = await segments.applySegmentMembers(segment.id, rule, now)
    const updated = await segments.updateSegments({
      id: segment.id,
      member_count: change.member_count,
      refreshed_at: now,
      last_joined: change.joined.length,
      last_left: change.left.length,
    })
    const compensation: Compensation = {
      segment_id: segment.id,
      joined: change.joined,
      left: change.left,
      counts: {
        member_count: segment.member_count,
        refreshed_at: segment.refreshed_at,
        last_joined: segment.last_joined,
        last_left: segment.last_left,
      },
    }
    return new StepResponse(
      { segment: updated as unknown as SegmentDTO, joined: change.joined.length, left: change.left.length },
      compensation
    )
  },
  async (compensation: Compensation | undefined, { container }) => {
    if (!compensation) {
      return
    }
    const segments = segmentsOf(container)
    await segments.revertSegmentMembers(compensation.segment_id, compensation)
    await segments.updateSegments({ id: compensation.segment_id, ...compensation.counts } as any)
  }
)
