import { isFullyDelivered } from "../steps/find-delivered-orders"

describe("isFullyDelivered", () => {
  it("needs every shipped item delivered in full", () => {
    expect(isFullyDelivered([{ quantity: 2, delivered_quantity: 2 }, { quantity: 1, delivered_quantity: 1 }])).toBe(true)
    expect(isFullyDelivered([{ quantity: 2, delivered_quantity: 1 }, { quantity: 1, delivered_quantity: 1 }])).toBe(false)
    expect(isFullyDelivered([{ quantity: 2, delivered_quantity: null }])).toBe(false)
  })

  it("ignores items that do not ship", () => {
    expect(
      isFullyDelivered([
        { quantity: 1, delivered_quantity: 1 },
        { quantity: 3, delivered_quantity: 0, requires_shipping: false },
      ])
    ).toBe(true)
  })

  it("reads Medusa's big-number quantities", () => {
    expect(isFullyDelivered([{ quantity: { value: "2", precision: 20 }, delivered_quantity: { value: "2", precision: 20 } }])).toBe(true)
  })
})
