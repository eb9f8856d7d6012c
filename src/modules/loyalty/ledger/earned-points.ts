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

export type ReturnedLine = { item_id: string; quantity: number }

/**
 * The share (0-1) of an order's earning value that a return gives back:
 * each returned unit is worth its line's value per unit, after discounts.
 */
export function returnedShare(
  items: (EarnableLine & { id: string; quantity: BigNumberInput })[],
  returned: ReturnedLine[],
  rules: Pick<EarningRules, "include_tax">
): number {
  const value = (line: EarnableLine) => (rules.include_tax ? MathBN.convert(line.total) : MathBN.sub(line.total, line.tax_total))
  const whole = items.reduce((acc, item) => MathBN.add(acc, value(item)), MathBN.convert(0))
  if (whole.lte(0)) {
    return 0
  }
  const back = returned.reduce((acc, line) => {
    const item = items.find((i) => i.id === line.item_id)
    if (!item || MathBN.convert(item.quantity).lte(0)) {
      return acc
    }
    const units = MathBN.min(line.quantity, item.quantity)
    return MathBN.add(acc, MathBN.div(MathBN.mult(value(item), units), item.quantity))
  }, MathBN.convert(0))
  return Math.min(MathBN.div(back, whole).toNumber(), 1)
}
