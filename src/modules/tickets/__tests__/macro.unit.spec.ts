import { renderMacro } from "../macro"

describe("canned responses", () => {
  const context = {
    customer: { first_name: "Ana", last_name: "Silva" },
    order: { display_id: 1042 },
    ticket: { display_id: 7, subject: "Torn seam" },
  }

  it("fills in the customer's and order's details as plain text", () => {
    const rendered = renderMacro("Hi {{customer.first_name}}, about order #{{order.display_id}} (ticket {{ ticket.display_id }}):", context)
    expect(rendered).toEqual({ body: "Hi Ana, about order #1042 (ticket 7):", missing: [], error: null })
  })

  it("leaves markup as it is: a message is text, never HTML", () => {
    expect(renderMacro("{{customer.first_name}}", { customer: { first_name: "<b>Ana</b> & co" } }).body).toBe("<b>Ana</b> & co")
  })

  it("names the placeholders it could not fill, and renders them as nothing", () => {
    const rendered = renderMacro("Order #{{order.display_id}} for {{customer.nickname}}", { customer: { first_name: "Ana" } })
    expect(rendered).toEqual({ body: "Order # for ", missing: ["order.display_id", "customer.nickname"], error: null })
  })

  it("reports a broken template instead of throwing, and cannot reach prototypes or unknown helpers", () => {
    expect(renderMacro("Hi {{#if customer}}", context)).toEqual(expect.objectContaining({ body: "Hi {{#if customer}}", error: expect.any(String) }))
    expect(renderMacro("{{customer.constructor}}", context).body).toBe("")
    expect(renderMacro("{{lookup customer 'first_name'}}", context)).toEqual(expect.objectContaining({ body: "Ana" }))
    expect(renderMacro("{{evil customer}}", context).error).toMatch(/evil/)
  })
})
