import { BigNumber, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

export type EarnableLine = {
  /** Line total after discounts, tax included (Medusa's `total`). */
  total: BigNumberInput
  tax_total: BigNumberInput
}

export type EarningRules = {
  /** Points per 1 unit of the order's currency. */
  earn_rate: number
  include_shipping: boolean
  include_tax: boolean
  /** Tier and campaign multipliers; 1 each until those exist. */
  multipliers?: number[]
}

/**
 * The amount an order earns on: items after discounts, without tax and
 * shipping unless the settings say otherwise. Points paid with points are a
 * discount (a promotion) and so are already out of the items' totals.
 */
export function eligibleAmount(
  items: EarnableLine[],
  shippingMethods: EarnableLine[],
  rules: Pick<EarningRules, "include_shipping" | "include_tax">
): BigNumber {
  const lines = rules.include_shipping ? [...items, ...shippingMethods] : items
  const sum = lines.reduce(
    (acc, line) =>
      MathBN.add(acc, rules.include_tax ? line.total : MathBN.sub(line.total, line.tax_total)),
    MathBN.convert(0)
  )
  return new BigNumber(MathBN.max(sum, 0))
}

/** eligible x earn rate x multipliers, rounded down to whole points. */
export function earnedPoints(amount: BigNumberInput, rules: Pick<EarningRules, "earn_rate" | "multipliers">): number {
  const factor = [rules.earn_rate, ...(rules.multipliers ?? [])].reduce(
    (acc, m) => MathBN.mult(acc, String(m)),
    MathBN.convert(1)
  )
  const points = MathBN.mult(amount, factor)
  return Math.max(Math.floor(points.toNumber() + 1e-9), 0)
}

/** The earn rate for a currency: its override, else the store's rate. */
export function earnRateFor(
  currencyCode: string,
  settings: { earn_rate: number; earn_rates: Record<string, number> }
): number {
  return settings.earn_rates?.[currencyCode.toLowerCase()] ?? settings.earn_rate
}
