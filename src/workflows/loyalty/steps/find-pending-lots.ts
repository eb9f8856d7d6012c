import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyLotDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"
import type { ActivatePointsInput } from "../workflows/activate-points"

export const findPendingLotsStepId = "crm-find-pending-lots"

export const findPendingLotsStep = createStep(
  findPendingLotsStepId,
  async (input: ActivatePointsInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const filters: Record<string, unknown> = { status: "pending", remaining: { $gt: 0 } }
    if (input.order_ids) {
      if (!input.order_ids.length) {
        return new StepResponse([] as LoyaltyLotDTO[])
      }
      filters.source_type = "order"
      filters.source_id = input.order_ids
    } else if (input.due_before) {
      filters.available_at = { $lte: new Date(input.due_before) }
    } else {
      return new StepResponse([] as LoyaltyLotDTO[])
    }
    const lots = await loyalty.listLoyaltyLots(filters, {
      take: input.limit ?? 500,
      order: { available_at: "ASC", id: "ASC" },
    })
    return new StepResponse(lots as LoyaltyLotDTO[])
  }
)
