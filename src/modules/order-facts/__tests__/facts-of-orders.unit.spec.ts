import { factsOfOrders, OrderForFacts } from "../facts-of-orders"

const order = (over: Partial<OrderForFacts> = {}): OrderForFacts => ({
  id: "order_1",
  customer_id: "cus_1",
  sales_channel_id: "sc_1",
  region_id: "reg_1",
  status: "pending",
  currency_code: "usd",
  created_at: "2026-05-01T10:00:00Z",
  canceled_at: null,
  total: 130,
  items: [
    {
      id: "item_1",
      product_id: "prod_1",
      variant_id: "var_1",
      quantity: 4,
      // Medusa totals the 3 kept: 3 x 25 net + 10 % tax.
      total: 82.5,
      tax_total: 7.5,
      detail: { return_received_quantity: 1, return_dismissed_quantity: 0 },
      product: { collection_id: "col_1", categories: [{ id: "cat_1" }, { id: "cat_2" }] },
    },
  ],
  returns: [{ received_at: "2026-05-10T10:00:00Z" }],
  ...over,
})

describe("factsOfOrders", () => {
  it("keeps the country it shipped to, else its billing country, lower case", () => {
    const conversion = { default_currency: "usd", rates: {} }
    const countryOf = (over: Partial<OrderForFacts>) => factsOfOrders([order(over)], conversion).orders[0].country_code
    expect(countryOf({ shipping_address: { country_code: "DE" }, billing_address: { country_code: "fr" } })).toBe("de")
    expect(countryOf({ shipping_address: null, billing_address: { country_code: "FR" } })).toBe("fr")
    expect(countryOf({})).toBeNull()
  })

  it("converts spend without tax into the default currency and takes returns off", () => {
    const facts = factsOfOrders([order()], { default_currency: "eur", rates: { usd: 0.5 } })
    expect(facts.orders[0]).toEqual(
      expect.objectContaining({ spend: "50", returned_spend: "12.5", total: "130", item_count: 4, currency_code: "usd" })
    )
    expect(facts.orders[0].returned_at).toEqual(new Date("2026-05-10T10:00:00Z"))
    expect(facts.lines[0]).toEqual(
      expect.objectContaining({ spend: "50", quantity: 4, returned_quantity: 1, category_ids: ["cat_1", "cat_2"], collection_id: "col_1" })
    )
  })

  it("values a line returned in full from its returned totals, less tax", () => {
    const returnedInFull = order({
      items: [
        {
          id: "item_2",
          product_id: "prod_1",
          variant_id: "var_1",
          quantity: 2,
          total: 0,
          tax_total: 0,
          return_received_total: 44, // 2 x 20 net + 10 % tax
          tax_lines: [{ rate: 10 }],
          detail: { return_received_quantity: 2 },
        },
      ],
    })
    const facts = factsOfOrders([returnedInFull], { default_currency: "usd", rates: {} })
    expect([facts.orders[0].spend, facts.orders[0].returned_spend]).toEqual(["40", "40"])
    expect(facts.lines[0]).toEqual(expect.objectContaining({ returned_quantity: 2, spend: "40" }))
  })

  it("counts the default currency and currencies without a rate at par; skips drafts; marks cancellations", () => {
    const facts = factsOfOrders(
      [
        order({ id: "a", currency_code: "EUR" }),
        order({ id: "b", status: "draft" }),
        order({ id: "c", status: "canceled", canceled_at: "2026-05-02T00:00:00Z" }),
      ],
      { default_currency: "eur", rates: {} }
    )
    expect(facts.orders.map((o) => [o.order_id, o.spend, o.canceled_at?.toISOString() ?? null])).toEqual([
      ["a", "100", null],
      ["c", "100", "2026-05-02T00:00:00.000Z"],
    ])
  })
})
