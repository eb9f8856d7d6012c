import { macroContext, macroTemplateProblem, renderMacro } from "../macro"

describe("a canned response's template, checked on save", () => {
  it("accepts plain text, placeholders, Handlebars' own blocks and comments", () => {
    for (const body of ["Thanks!", "Hi {{customer.first_name}}", "{{#if order}}Order #{{order.display_id}}{{else}}Your request{{/if}}", "{{!-- note --}}x", "{{lookup customer 'email'}}"]) {
      expect(macroTemplateProblem(body)).toBeNull()
    }
  })

  it("names what is wrong: an unclosed block or tag, a mismatched block, an unknown helper, a partial", () => {
    expect(macroTemplateProblem("Hi {{#if customer}}")).toBe("The body is not a valid template: Parse error on line 1: a {{ or a block is not closed")
    expect(macroTemplateProblem("Dear {{customer.first_name}},\nyour order {{order.display_id}")).toBe(
      "The body is not a valid template: Parse error on line 2, near: ...r {{order.display_id}"
    )
    expect(macroTemplateProblem("{{#if a}}x{{/each}}")).toBe("The body is not a valid template: if doesn't match each")
    expect(macroTemplateProblem("{{shout customer.first_name}}")).toBe(
      "The body is not a valid template: You specified knownHelpersOnly, but used the unknown helper shout"
    )
    expect(macroTemplateProblem("{{> signature}}")).toBe("The body is not a valid template: The partial signature could not be found")
  })
})

describe("the values a canned response sees", () => {
  const ticket = { display_id: 12, subject: "Torn seam", category: "product_quality" }
  const customer = { first_name: "Ana", last_name: "Silva", email: "ana@crm.test" }

  it("writes the total in the currency's decimals, the code in capitals and the order's day in the store's zone", () => {
    const context = macroContext({
      ticket,
      customer,
      order: { display_id: 1042, total: 49.9, currency_code: "eur", created_at: "2026-03-06T23:30:00.000Z" },
      store_name: "Linen & Co",
      agent: { first_name: "Sam" },
      time_zone: "Europe/Berlin",
    })
    expect(context.order).toEqual({ display_id: 1042, total: "49.90", currency_code: "EUR", created_at: "2026-03-07" })
    expect(renderMacro("{{agent.first_name}} at {{store.name}}: order #{{order.display_id}} of {{order.created_at}}, {{order.total}} {{order.currency_code}}", context)).toEqual({
      body: "Sam at Linen & Co: order #1042 of 2026-03-07, 49.90 EUR",
      missing: [],
      error: null,
    })
    const yen = macroContext({ ticket, customer, order: { display_id: 7, total: 1200, currency_code: "jpy", created_at: new Date("2026-03-06T23:30:00Z") }, store_name: null, agent: null, time_zone: null })
    expect(yen.order).toEqual({ display_id: 7, total: "1200", currency_code: "JPY", created_at: "2026-03-06" })
  })

  it("without an order, a customer or a store name, those placeholders are reported missing", () => {
    const context = macroContext({ ticket, customer: null, order: null, store_name: null, agent: null, time_zone: null })
    expect(renderMacro("Ticket #{{ticket.display_id}} ({{ticket.category}}) for {{customer.first_name}}, order {{order.display_id}}, {{store.name}}", context)).toEqual({
      body: "Ticket #12 (product_quality) for , order , ",
      missing: ["customer.first_name", "order.display_id", "store.name"],
      error: null,
    })
  })
})
