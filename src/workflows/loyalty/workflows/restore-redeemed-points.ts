import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import type { LoyaltyRedemptionDTO } from "../../../types/ledger"
import { findRedemptionsStep } from "../steps/find-redemptions"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { expiryOf } from "../../../modules/loyalty/ledger/bonus-posting"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const restoreRedeemedPointsWorkflowId = "crm-restore-redeemed-points"

/**
 * A cancelled order gives back the points spent on it, once
 * (`restore:{redemption_id}`), as a fresh lot that expires like earned points.
 */
export const restoreRedeemedPointsWorkflow = createWorkflow(
  restoreRedeemedPointsWorkflowId,
  (input: { order_id: string }) => {
    const orderIds = transform({ input }, ({ input }) => [input.order_id])
    const redeemed = findRedemptionsStep({ order_ids: orderIds, status: "redeemed" })
    const settings = loadLoyaltySettingsStep()
    const postings = transform({ redeemed, settings, input }, ({ redeemed, settings, input }): Posting[] =>
      redeemed.map((redemption: LoyaltyRedemptionDTO) => ({
        account_id: redemption.account_id,
        type: "adjust",
        idempotency_key: `restore:${redemption.id}`,
        points: redemption.points,
        lot: {
          status: "available",
          expires_at: expiryOf(new Date(), settings.expiry_months),
        },
        reason: "order_canceled_points_restored",
        source_type: "order",
        source_id: input.order_id,
        actor_type: "system",
        metadata: { redemption_id: redemption.id },
      }))
    )
    return new WorkflowResponse(postLedgerEntriesStep({ postings }))
  }
)
