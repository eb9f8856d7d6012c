import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyRedemptionDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const updateRedemptionsStepId = "crm-update-redemptions"

type RedemptionUpdate = { id: string } & Partial<Pick<LoyaltyRedemptionDTO, "status" | "promotion_id" | "order_id">>

/** Updates redemptions; compensation puts back the fields it changed. */
export const updateRedemptionsStep = createStep(
  updateRedemptionsStepId,
  async (updates: RedemptionUpdate[], { container }) => {
    if (!updates.length) {
      return new StepResponse([], [])
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const before = (await loyalty.listLoyaltyRedemptions({ id: updates.map((u) => u.id) } as any)) as unknown as LoyaltyRedemptionDTO[]
    const previous: RedemptionUpdate[] = updates.map((update) => {
      const old = before.find((b) => b.id === update.id)!
      return Object.fromEntries(Object.keys(update).map((key) => [key, old[key as keyof LoyaltyRedemptionDTO]])) as RedemptionUpdate
    })
    await loyalty.updateLoyaltyRedemptions(updates as any)
    return new StepResponse(updates, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.updateLoyaltyRedemptions(previous as any)
  }
)
