import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { planRedemption, RedemptionRefused } from "../../../modules/loyalty/ledger/redemption"
import type { LoyaltyRedemptionDTO } from "../../../types/ledger"
import type { LoyaltySettingsDTO } from "../../../types/settings"

export const validateRedemptionStepId = "crm-validate-redemption"

export type CartForRedemption = {
  id: string
  customer_id: string | null
  currency_code: string
  completed_at: string | Date | null
  item_subtotal: any
}

/**
 * Checks that the cart is the customer's own and open, that no points are
 * applied to it yet, and what the points are worth within the settings'
 * minimum and cap. Someone else's cart answers as an unknown one (404).
 */
export const validateRedemptionStep = createStep(
  validateRedemptionStepId,
  async (input: {
    cart: CartForRedemption | undefined
    customer_id: string
    points: number
    settings: LoyaltySettingsDTO
    held: LoyaltyRedemptionDTO[]
  }) => {
    const { cart } = input
    if (!cart || cart.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This cart is already completed")
    }
    if (input.held.length) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `${input.held[0].points} points are already applied to this cart; remove them first`
      )
    }
    try {
      const { amount } = planRedemption(input.points, cart, input.settings)
      return new StepResponse({ amount, currency_code: cart.currency_code })
    } catch (error) {
      if (error instanceof RedemptionRefused) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
      }
      throw error
    }
  }
)
