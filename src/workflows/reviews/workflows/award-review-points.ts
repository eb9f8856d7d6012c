import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadLoyaltySettingsStep } from "../../loyalty/steps/load-loyalty-settings"
import { awardPointsWorkflow } from "../../loyalty/workflows/award-points"
import type { ReviewEventData } from "../events"

export const awardReviewPointsWorkflowId = "crm-award-review-points"

/** The key that makes a review pay once per product and customer, however often it is approved. */
export const reviewBonusKey = (review: Pick<ReviewEventData, "customer_id" | "product_id">) =>
  `bonus:review:${review.customer_id}:${review.product_id}`

/** An approved review earns its author the store's review bonus, once per product. */
export const awardReviewPointsWorkflow = createWorkflow(awardReviewPointsWorkflowId, (input: ReviewEventData) => {
  const settings = loadLoyaltySettingsStep().config({ name: "crm-review-points-settings" })
  const posted = awardPointsWorkflow.runAsStep({
    input: transform({ input, settings }, ({ input, settings }) => ({
      customer_id: input.customer_id,
      points: settings.review_bonus_points,
      reason: "review_approved",
      source_type: "review",
      source_id: input.id,
      idempotency_key: reviewBonusKey(input),
    })),
  })
  return new WorkflowResponse(posted)
})
