import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyRedemptionDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const findRedemptionsStepId = "crm-find-redemptions"

export type FindRedemptionsInput = {
  cart_ids?: string[]
  order_ids?: string[]
  status: LoyaltyRedemptionDTO["status"]
  expired_before?: Date | string
  limit?: number
}

export const findRedemptionsStep = createStep(findRedemptionsStepId, async (input: FindRedemptionsInput, { container }) => {
  const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
  const filters: Record<string, unknown> = { status: input.status }
  if (input.cart_ids) filters.cart_id = input.cart_ids
  if (input.order_ids) filters.order_id = input.order_ids
  if (input.expired_before) filters.expires_at = { $lt: new Date(input.expired_before) }
  if (!input.cart_ids?.length && !input.order_ids?.length && !input.expired_before) {
    return new StepResponse([] as LoyaltyRedemptionDTO[])
  }
  const found = await loyalty.listLoyaltyRedemptions(filters as any, { take: input.limit ?? 100, order: { created_at: "ASC" } })
  return new StepResponse(found as unknown as LoyaltyRedemptionDTO[])
})
