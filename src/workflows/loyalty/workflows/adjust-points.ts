import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { expiryOf } from "../../../modules/loyalty/ledger/bonus-posting"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import { LoyaltyEvents } from "../events"
import { assertSameAdjustmentStep } from "../steps/assert-same-adjustment"
import { ensureLoyaltyAccountsStep } from "../steps/ensure-loyalty-accounts"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const adjustPointsWorkflowId = "crm-adjust-points"

export type AdjustPointsInput = {
  customer_id: string
  /** Signed: added points open a lot that expires like earned ones. */
  points: number
  /** Mandatory: why the admin changed the balance (kept on the entry). */
  reason: string
  actor_id: string
  idempotency_key: string
}

/**
 * An admin's manual change of a balance, recorded with who and why. A
 * deduction the available points do not cover is refused (409).
 */
export const adjustPointsWorkflow = createWorkflow(adjustPointsWorkflowId, (input: AdjustPointsInput) => {
  const customerIds = transform({ input }, ({ input }) => [input.customer_id])
  const { accounts } = ensureLoyaltyAccountsStep({ customer_ids: customerIds })
  const settings = loadLoyaltySettingsStep()
  const postings = transform({ input, accounts, settings }, ({ input, accounts, settings }): Posting[] => {
    const expiresAt = expiryOf(new Date(), settings.expiry_months)
    return [
      {
        account_id: accounts[0].id,
        type: "adjust",
        idempotency_key: input.idempotency_key,
        points: input.points,
        overdraft: "reject",
        counts_as_earned: input.points > 0,
        lot: input.points > 0 ? { status: "available", expires_at: expiresAt } : undefined,
        reason: "admin_adjustment",
        note: input.reason,
        source_type: "admin",
        source_id: input.actor_id,
        actor_type: "user",
        actor_id: input.actor_id,
      },
    ]
  })
  const posted = postLedgerEntriesStep({ postings })
  assertSameAdjustmentStep(
    transform({ input, posted }, ({ input, posted }) => ({
      idempotency_key: input.idempotency_key,
      points: input.points,
      reason: input.reason,
      skipped_keys: posted.skipped_keys,
    }))
  )
  const event = transform({ posted, input }, ({ posted, input }) =>
    posted.entries.map((entry) => ({ id: entry.id, account_id: entry.account_id, customer_id: input.customer_id, actor_id: input.actor_id }))
  )
  emitEventStep({ eventName: LoyaltyEvents.POINTS_ADJUSTED, data: event })
  return new WorkflowResponse(posted)
})
