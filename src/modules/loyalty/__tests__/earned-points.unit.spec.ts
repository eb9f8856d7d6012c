import { earnedPoints, earnRateFor, eligibleAmount, returnedShare } from "../ledger/earned-points"

describe("eligibleAmount", () => {
  const items = [
    { total: 59.5, tax_total: 9.5 }, // 50 net after discount
    { total: 24, tax_total: 4 }, // 20 net
  ]
  const shipping = [{ total: 6, tax_total: 1 }]

  it("counts items after discounts without tax or shipping by default", () => {
    expect(eligibleAmount(items, shipping, { include_shipping: false, include_tax: false }).numeric).toEqual(70)
  })

  it("adds tax and shipping when the settings say so", () => {
    expect(eligibleAmount(items, shipping, { include_shipping: true, include_tax: false }).numeric).toEqual(75)
    expect(eligibleAmount(items, shipping, { include_shipping: true, include_tax: true }).numeric).toEqual(89.5)
  })

  it("never goes below zero", () => {
    expect(eligibleAmount([{ total: 0, tax_total: 1 }], [], { include_shipping: false, include_tax: false }).numeric).toEqual(0)
  })
})

describe("earnedPoints", () => {
  it("rounds down", () => {
    expect(earnedPoints(19.99, { earn_rate: 1 })).toEqual(19)
    expect(earnedPoints(70, { earn_rate: 1.5 })).toEqual(105)
  })

  it("multiplies tier and campaign multipliers without float drift", () => {
    // 0.1 x 3 in floats is 0.30000000000000004; 10 x 0.1 x 3 must be 3.
    expect(earnedPoints(10, { earn_rate: 0.1, multipliers: [3] })).toEqual(3)
    expect(earnedPoints(33.33, { earn_rate: 3, multipliers: [1, 1] })).toEqual(99)
    expect(earnedPoints(100, { earn_rate: 1, multipliers: [1.25, 2] })).toEqual(250)
  })

  it("earns nothing on nothing", () => {
    expect(earnedPoints(0, { earn_rate: 5 })).toEqual(0)
  })
})

describe("earnRateFor", () => {
  it("prefers the currency's own rate", () => {
    const settings = { earn_rate: 1, earn_rates: { jpy: 0.01 } }
    expect(earnRateFor("JPY", settings)).toEqual(0.01)
    expect(earnRateFor("eur", settings)).toEqual(1)
  })
})

describe("returnedShare", () => {
  const items = [
    { id: "a", quantity: 2, total: 60, tax_total: 10 }, // 50 net, 25 per unit
    { id: "b", quantity: 1, total: 50, tax_total: 0 },
  ]

  it("gives back the returned units' share of the order's value", () => {
    expect(returnedShare(items, [{ item_id: "a", quantity: 1 }], { include_tax: false })).toBeCloseTo(0.25)
    expect(returnedShare(items, [{ item_id: "b", quantity: 1 }], { include_tax: false })).toBeCloseTo(0.5)
  })

  it("never gives back more than the whole order", () => {
    expect(
      returnedShare(items, [{ item_id: "a", quantity: 5 }, { item_id: "b", quantity: 3 }], { include_tax: false })
    ).toEqual(1)
  })

  it("ignores lines that are not the order's", () => {
    expect(returnedShare(items, [{ item_id: "zzz", quantity: 1 }], { include_tax: false })).toEqual(0)
  })
})
