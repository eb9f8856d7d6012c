import { planRedemption, RedemptionRefused } from "../ledger/redemption"

const rules = { point_value: 0.01, point_values: { jpy: 1 }, max_redeem_ratio: 0.5, min_redeem_points: 100 }

describe("planRedemption", () => {
  it("values points in the cart's currency", () => {
    expect(planRedemption(1000, { item_subtotal: 100, currency_code: "eur" }, rules)).toEqual({ amount: 10, max_points: 5000 })
    expect(planRedemption(300, { item_subtotal: 1000, currency_code: "JPY" }, rules)).toEqual({ amount: 300, max_points: 500 })
  })

  it("refuses fewer than the minimum", () => {
    expect(() => planRedemption(99, { item_subtotal: 100, currency_code: "eur" }, rules)).toThrow(
      new RedemptionRefused("At least 100 points must be redeemed at once")
    )
  })

  it("refuses more than the allowed share of the cart, saying how many fit", () => {
    expect(() => planRedemption(5001, { item_subtotal: 100, currency_code: "eur" }, rules)).toThrow(
      new RedemptionRefused("At most 5000 points can be used on this cart (50% of its items)")
    )
  })

  it("rounds the amount down to the cent, never up", () => {
    const odd = { ...rules, point_value: 0.0033, min_redeem_points: 1 }
    expect(planRedemption(1001, { item_subtotal: 100, currency_code: "eur" }, odd).amount).toEqual(3.3)
  })

  it("refuses fractional points", () => {
    expect(() => planRedemption(150.5, { item_subtotal: 100, currency_code: "eur" }, rules)).toThrow(RedemptionRefused)
  })
})
