import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { bonusPosting } from "../../../modules/loyalty/ledger/bonus-posting"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import { ensureLoyaltyAccountsStep } from "../steps/ensure-loyalty-accounts"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const awardPointsWorkflowId = "crm-award-points"

export type AwardPointsInput = {
  customer_id: string
  points: number
  /** e.g. "signup_bonus", "review_approved", "survey_completed" */
  reason: string
  source_type: string
  source_id: string
  /** The award's own key, e.g. `bonus:review:{customer_id}:{product_id}`: it pays once. */
  idempotency_key: string
}

/**
 * Credits bonus points (available at once, expiring like earned points).
 * The entry point for other capabilities (reviews, surveys, referrals):
 * idempotent by their key, and a no-op for 0 points.
 */
export const awardPointsWorkflow = createWorkflow(awardPointsWorkflowId, (input: AwardPointsInput) => {
  const settings = loadLoyaltySettingsStep()
  const posted = when("crm-award-when-points", { input }, ({ input }) => input.points > 0).then(() => {
    const { accounts } = ensureLoyaltyAccountsStep({
      customer_ids: transform({ input }, ({ input }) => [input.customer_id]),
    })
    return postLedgerEntriesStep({
      postings: transform({ input, accounts, settings }, ({ input, accounts, settings }): Posting[] => [
        bonusPosting({ ...input, account_id: accounts[0].id, expiry_months: settings.expiry_months }),
      ]),
    }).config({ name: "crm-award-post" })
  })
  return new WorkflowResponse({ posted })
})
