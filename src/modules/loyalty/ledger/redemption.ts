import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

export class RedemptionRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = "RedemptionRefused"
  }
}

export type RedemptionRules = {
  point_value: number
  point_values: Record<string, number>
  max_redeem_ratio: number
  min_redeem_points: number
}

/** Worth of one point in a currency: its override, else the store's. */
export function pointValueFor(currencyCode: string, rules: Pick<RedemptionRules, "point_value" | "point_values">): number {
  return rules.point_values?.[currencyCode.toLowerCase()] ?? rules.point_value
}

/**
 * What `points` are worth on a cart, refusing fewer than the minimum and
 * more than the allowed share of the cart's items (before discounts).
 * Amounts are rounded down to the cent.
 */
export function planRedemption(
  points: number,
  cart: { item_subtotal: BigNumberInput; currency_code: string },
  rules: RedemptionRules
): { amount: number; max_points: number } {
  const value = pointValueFor(cart.currency_code, rules)
  const cap = MathBN.mult(cart.item_subtotal, String(rules.max_redeem_ratio))
  const maxPoints = Math.max(Math.floor(MathBN.div(cap, String(value)).toNumber() + 1e-9), 0)
  if (!Number.isSafeInteger(points) || points < 1) {
    throw new RedemptionRefused("points must be a whole number of at least 1")
  }
  if (points < rules.min_redeem_points) {
    throw new RedemptionRefused(`At least ${rules.min_redeem_points} points must be redeemed at once`)
  }
  if (points > maxPoints) {
    throw new RedemptionRefused(
      `At most ${maxPoints} points can be used on this cart (${Math.round(rules.max_redeem_ratio * 100)}% of its items)`
    )
  }
  const amount = Math.floor(MathBN.mult(points, String(value)).toNumber() * 100 + 1e-6) / 100
  if (amount <= 0) {
    throw new RedemptionRefused("These points are worth less than the smallest amount of the currency")
  }
  return { amount, max_points: maxPoints }
}
