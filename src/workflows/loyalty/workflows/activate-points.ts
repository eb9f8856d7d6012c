import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import type { LoyaltyLotDTO } from "../../../types/ledger"
import { orderLedgerKeys } from "../order-keys"
import { findPendingLotsStep } from "../steps/find-pending-lots"
import { planReferralBonusesStep } from "../steps/plan-referral-bonuses"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const activatePointsWorkflowId = "crm-activate-points"

export type ActivatePointsInput = {
  /** Pending points of these orders (their fulfilment was delivered)... */
  order_ids?: string[]
  /** ...or every pending lot whose available date has come. */
  due_before?: Date | string
  limit?: number
}

/**
 * Makes pending points available, one `activate:{lot_id}` entry per lot, so
 * a delivery event and the daily job activating the same lot write it once.
 * A referred member's first vested order pays both referral bonuses.
 */
export const activatePointsWorkflow = createWorkflow(activatePointsWorkflowId, (input: ActivatePointsInput) => {
  const lots = findPendingLotsStep(input)
  const postings = transform({ lots }, ({ lots }): Posting[] =>
    lots.map((lot: LoyaltyLotDTO) => ({
      account_id: lot.account_id,
      type: "activate",
      idempotency_key: orderLedgerKeys.activate(lot.id),
      activate_lot_id: lot.id,
      reason: lot.source_type === "order" ? "order_points_vested" : "points_vested",
      source_type: lot.source_type,
      source_id: lot.source_id,
      actor_type: "system",
    }))
  )
  const posted = postLedgerEntriesStep({ postings })
  const referralBonuses = planReferralBonusesStep({
    vested: transform({ lots }, ({ lots }) =>
      lots
        .filter((lot: LoyaltyLotDTO) => lot.source_type === "order" && lot.source_id)
        .map((lot: LoyaltyLotDTO) => ({ account_id: lot.account_id, order_id: lot.source_id as string }))
    ),
  })
  postLedgerEntriesStep({ postings: referralBonuses }).config({ name: "crm-activate-post-referral-bonuses" })
  return new WorkflowResponse(posted)
})
