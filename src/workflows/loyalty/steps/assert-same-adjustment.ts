import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyEntryDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const assertSameAdjustmentStepId = "crm-assert-same-adjustment"

export type AssertSameAdjustmentInput = {
  idempotency_key: string
  points: number
  reason: string
  /** Keys the posting found already in the ledger. */
  skipped_keys: string[]
}

/**
 * A retried adjustment (same Idempotency-Key) is harmless only when it is
 * the same adjustment: a key reused for different points or a different
 * reason is a client error (409), not a silent success.
 */
export const assertSameAdjustmentStep = createStep(
  assertSameAdjustmentStepId,
  async (input: AssertSameAdjustmentInput, { container }) => {
    if (!input.skipped_keys.includes(input.idempotency_key)) {
      return new StepResponse(void 0)
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const [earlier] = (await loyalty.listLoyaltyEntries(
      { idempotency_key: input.idempotency_key },
      { take: 1 }
    )) as unknown as LoyaltyEntryDTO[]
    if (earlier && (earlier.points !== input.points || earlier.note !== input.reason)) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `This Idempotency-Key was already used for a different adjustment (${earlier.points} points: "${earlier.note}"); use a new key for a new adjustment`
      )
    }
    return new StepResponse(void 0)
  }
)
