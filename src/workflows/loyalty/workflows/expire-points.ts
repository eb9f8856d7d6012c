import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import type { LoyaltyLotDTO } from "../../../types/ledger"
import { findExpiredLotsStep } from "../steps/find-expired-lots"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const expirePointsWorkflowId = "crm-expire-points"

/**
 * Expires what is left of every lot past its expiry date, one
 * `expire:{lot_id}` entry per lot: running it again changes nothing.
 * Points held by an open cart are not taken (the expiry is clamped).
 */
export const expirePointsWorkflow = createWorkflow(
  expirePointsWorkflowId,
  (input: { now: Date | string; limit: number }) => {
    const lots = findExpiredLotsStep(input)
    const postings = transform({ lots }, ({ lots }): Posting[] =>
      lots.map((lot: LoyaltyLotDTO) => ({
        account_id: lot.account_id,
        type: "expire",
        idempotency_key: `expire:${lot.id}`,
        ...(lot.status === "pending" ? { pending_delta: -lot.remaining } : { points: -lot.remaining }),
        prefer_lot_ids: [lot.id],
        overdraft: "clamp",
        reason: "points_expired",
        source_type: "lot",
        source_id: lot.id,
        actor_type: "system",
      }))
    )
    return new WorkflowResponse(postLedgerEntriesStep({ postings }))
  }
)
