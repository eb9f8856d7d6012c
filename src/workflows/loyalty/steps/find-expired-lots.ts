import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyLotDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const findExpiredLotsStepId = "crm-find-expired-lots"

/** Lots with points left whose expiry date has passed, oldest first. */
export const findExpiredLotsStep = createStep(
  findExpiredLotsStepId,
  async (input: { now: Date | string; limit: number }, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const lots = await loyalty.listLoyaltyLots(
      { status: ["available", "pending"], remaining: { $gt: 0 }, expires_at: { $lte: new Date(input.now) } } as any,
      { take: input.limit, order: { expires_at: "ASC", id: "ASC" } }
    )
    return new StepResponse(lots as LoyaltyLotDTO[])
  }
)
