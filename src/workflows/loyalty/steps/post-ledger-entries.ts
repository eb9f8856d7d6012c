import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import type { LoyaltyEntryDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const postLedgerEntriesStepId = "crm-post-ledger-entries"

export type PostLedgerEntriesStepInput = { postings: Posting[] }

/**
 * Posts ledger entries. The ledger is append-only, so compensation posts
 * counter-entries (`compensate:{entry_id}`) that undo exactly what the step
 * wrote; entries it skipped as already posted are left alone.
 */
export const postLedgerEntriesStep = createStep(
  postLedgerEntriesStepId,
  async (input: PostLedgerEntriesStepInput, { container }) => {
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const result = await loyalty.postLedgerEntries(input.postings)
    return new StepResponse(result, result.entries)
  },
  async (written: LoyaltyEntryDTO[] | undefined, { container }) => {
    if (!written?.length) {
      return
    }
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.postLedgerEntries(
      [...written].reverse().map((entry) => counterPosting(entry))
    )
  }
)

function counterPosting(entry: LoyaltyEntryDTO): Posting {
  return {
    account_id: entry.account_id,
    type: "adjust",
    idempotency_key: `compensate:${entry.id}`,
    points: -entry.points,
    pending_delta: -entry.pending_delta,
    held_delta: -entry.held_delta,
    overdraft: "allow",
    reason: "compensation",
    source_type: "ledger_entry",
    source_id: entry.id,
    actor_type: "system",
  }
}
