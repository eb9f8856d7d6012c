import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SegmentDTO } from "../../../types/segments"
import { promotionOfSegment, type SegmentPromotionInput } from "../promotion-of-segment"
import { segmentsOf } from "./segments-of"

/** The promotion to create for a segment; the segment must exist and have its group. */
export const prepareSegmentPromotionStep = createStep(
  "crm-prepare-segment-promotion",
  async (input: SegmentPromotionInput & { segment_id: string }, { container }) => {
    const segment = (await segmentsOf(container).retrieveSegment(input.segment_id)) as unknown as SegmentDTO
    if (!segment.customer_group_id) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Segment ${segment.id} has no customer group to target yet`)
    }
    return new StepResponse(promotionOfSegment(segment as SegmentDTO & { customer_group_id: string }, input))
  }
)
