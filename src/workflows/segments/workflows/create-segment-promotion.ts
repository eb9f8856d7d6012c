import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPromotionsWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { CrmModules } from "../../../types/modules"
import type { SegmentPromotionInput } from "../promotion-of-segment"
import { prepareSegmentPromotionStep } from "../steps/prepare-segment-promotion"

export const createSegmentPromotionWorkflowId = "crm-create-segment-promotion"

/** A core promotion limited to a segment's customer group, linked to the segment. */
export const createSegmentPromotionWorkflow = createWorkflow(
  createSegmentPromotionWorkflowId,
  (input: SegmentPromotionInput & { segment_id: string }) => {
    const promotionData = prepareSegmentPromotionStep(input)
    const promotions = createPromotionsWorkflow.runAsStep({
      input: transform({ promotionData }, ({ promotionData }) => ({ promotionsData: [promotionData] })),
    })
    createRemoteLinkStep(
      transform({ promotions, input }, ({ promotions, input }) => [
        { [CrmModules.SEGMENTS]: { segment_id: input.segment_id }, [Modules.PROMOTION]: { promotion_id: promotions[0].id } },
      ])
    )
    return new WorkflowResponse(transform({ promotions }, ({ promotions }) => promotions[0]))
  }
)
