import crypto from "crypto"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyRedemptionDTO } from "../../../types/ledger"
import { CrmModules } from "../../../types/modules"

export const createRedemptionStepId = "crm-create-redemption"

/** 128 random bits: a code nobody can guess or enumerate. */
export const newRedemptionCode = () => `PTS-${crypto.randomBytes(16).toString("hex").toUpperCase()}`

export const createRedemptionStep = createStep(
  createRedemptionStepId,
  async (
    input: Pick<LoyaltyRedemptionDTO, "account_id" | "customer_id" | "cart_id" | "points" | "amount" | "currency_code"> & {
      hold_minutes: number
    },
    { container }
  ) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const created = await loyalty.createLoyaltyRedemptions({
      account_id: input.account_id,
      customer_id: input.customer_id,
      cart_id: input.cart_id,
      points: input.points,
      amount: input.amount,
      currency_code: input.currency_code,
      promotion_code: newRedemptionCode(),
      status: "held",
      expires_at: new Date(Date.now() + input.hold_minutes * 60 * 1000),
    } as any)
    const redemption = created as unknown as LoyaltyRedemptionDTO
    return new StepResponse(redemption, redemption.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.deleteLoyaltyRedemptions([id])
  }
)
