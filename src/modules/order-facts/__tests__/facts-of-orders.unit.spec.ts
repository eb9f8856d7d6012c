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
      total: 110,
      tax_total: 10,
      detail: { return_received_quantity: 1 },
      product: { collection_id: "col_1", categories: [{ id: "cat_1" }, { id: "cat_2" }] },
    },
  ],
  returns: [{ received_at: "2026-05-10T10:00:00Z" }],
  ...over,
})

describe("factsOfOrders", () => {
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
