/**
 * The ticket pages and widgets rendered (on the server, with the data hooks
 * replaced by fixtures): each renders, shows what staff need, and renders
 * customer text as text.
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { renderToString } from "react-dom/server"
import { MemoryRouter, Route, Routes } from "react-router-dom"
import { TooltipProvider } from "@medusajs/ui"

const now = Date.now()
const iso = (offsetMin: number) => new Date(now + offsetMin * 60000).toISOString()
const ticket = {
  id: "tkt_1", display_id: 42, customer_id: "cus_1", order_id: "order_1", product_id: "prod_1",
  subject: "Broken <b>mug</b>", category: "product_quality", priority: "high", status: "open",
  assignee_id: "user_1", source: "customer", source_id: null, first_responded_at: null, resolved_at: null,
  closed_at: null, pauses: [], first_response_due_at: iso(-30), resolution_due_at: iso(600), next_due_at: iso(-30),
  last_message_at: iso(-60), first_response_escalated_at: iso(-5), resolution_escalated_at: null, flagged: true,
  rating_score: 4, rating_comment: "ok", rated_at: iso(-1), metadata: null, created_at: iso(-120), updated_at: iso(-1),
  sla: { first_response_due_at: iso(-30), resolution_due_at: iso(600), first_response_breached: true, resolution_breached: false, paused: false },
  customer: { id: "cus_1", email: "a@b.c", first_name: "Ann", last_name: "Lee" },
  order: { id: "order_1", display_id: 7 },
  messages: [
    { id: "m1", ticket_id: "tkt_1", author_type: "customer", author_id: "cus_1", body: "It broke\nagain", internal: false, created_at: iso(-120) },
    { id: "m2", ticket_id: "tkt_1", author_type: "user", author_id: "user_1", body: "Note", internal: true, created_at: iso(-90) },
    { id: "m3", ticket_id: "tkt_1", author_type: "system", author_id: null, body: "Escalated", internal: false, created_at: iso(-5) },
  ],
  compensations: [
    { id: "c1", ticket_id: "tkt_1", type: "points", points: 500, promotion_id: null, promotion_code: null, value_type: null, value: null, currency_code: null, created_by: "user_1", created_at: iso(-3) },
    { id: "c2", ticket_id: "tkt_1", type: "promotion", points: null, promotion_id: "p", promotion_code: "SORRY10", value_type: "fixed", value: 5, currency_code: "eur", created_by: "user_1", created_at: iso(-2) },
  ],
  loyalty: { points_balance: 1200, lifetime_points: 3000, tier: { id: "t", name: "Gold", support_priority: "high" } },
  recent_orders: [{ id: "order_1", display_id: 7, status: "completed", total: 25.5, currency_code: "eur", created_at: iso(-2000) }],
  allowed_statuses: ["pending_customer", "resolved", "closed"],
}
const base = { isPending: false, isError: false, error: null, refetch: () => {}, isFetching: false }
const mutation = { mutateAsync: async () => ({}), isPending: false, error: null, reset: () => {} }
const stats = {
  from: iso(-1000), to: iso(0), open_by_category: { product_quality: 3, logistics: 1, after_sales: 0, payment: 0, other: 2 },
  median_first_response_minutes: 95, median_resolution_minutes: 3000, breach_rate: 0.125, csat_average: 4.25, csat_count: 8,
  ticket_count: 16, top_products: [{ product_id: "prod_1", title: "Mug", ticket_count: 3 }],
}
const settings = {
  id: "tktset_default",
  sla: { low: { first_response_minutes: 2880, resolution_minutes: 10080 }, normal: { first_response_minutes: 1440, resolution_minutes: 4320 }, high: { first_response_minutes: 240, resolution_minutes: 1440 }, urgent: { first_response_minutes: 60, resolution_minutes: 480 } },
  business_hours: { time_zone: "Europe/Berlin", weekdays: [1, 2, 3, 4, 5], start_minute: 540, end_minute: 1440 },
  auto_close_days: 7, escalation_email: null,
}
jest.mock("../hooks/store-currencies", () => ({ useStoreCurrencies: () => ({ data: [{ code: "eur", name: "Euro", is_default: true }] }) }))
jest.mock("../hooks/tickets", () => ({
  useTickets: () => ({ ...base, tickets: [ticket], count: 1, offset: 0, limit: 20, status_counts: { open: 1, reopened: 0, pending_customer: 2, resolved: 3, closed: 4 }, overdue_count: 1 }),
  useTicket: () => ({ ...base, ticket }),
  useTicketStats: () => ({ ...base, stats }),
  useTicketMacros: () => ({ ...base, ticket_macros: [{ id: "m", name: "Delay", category: null, body: "Hi {{customer.first_name}}", created_at: iso(0), updated_at: iso(0) }], count: 1 }),
  useTicketSettings: () => ({ ...base, settings }),
  useTicketStaff: () => ({ data: [{ id: "user_1", email: "s@x.y", name: "Sam" }] }),
  useCurrentStaffUser: () => ({ data: { id: "user_2", email: "me@x.y", name: "Me" } }),
  useUpdateTicket: () => mutation, useAddTicketMessage: () => mutation, useCompensateTicket: () => mutation,
  useCreateTicket: () => mutation, useCreateTicketMacro: () => mutation, useUpdateTicketMacro: () => mutation,
  useDeleteTicketMacro: () => mutation, useRenderTicketMacro: () => mutation, useUpdateTicketSettings: () => mutation,
}))

const render = (path: string, route: string, element: JSX.Element) =>
  renderToString(
    <QueryClientProvider client={new QueryClient()}>
      <TooltipProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path={route} element={element} />
          </Routes>
        </MemoryRouter>
      </TooltipProvider>
    </QueryClientProvider>
  )

// React warns that layout effects (react-router's) do nothing on the server: noise here.
const consoleError = console.error
beforeAll(() => {
  jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("useLayoutEffect does nothing on the server")) return
    consoleError(...args)
  })
})
afterAll(() => jest.restoreAllMocks())

describe("the ticket admin pages", () => {
  it("renders the inbox with the stats, the tabs' counts and an overdue ticket", () => {
    const Page = require("../routes/tickets/page").default
    const html = render("/tickets", "/tickets", <Page />)
    expect(html).toContain("#42")
    expect(html).toContain("Broken &lt;b&gt;mug&lt;/b&gt;")
    expect(html).not.toContain("<b>mug</b>")
    expect(html).toContain("Sam")
    expect(html).toContain("Overdue")
    expect(html).toContain("1 h 35 min")
    expect(html).toContain("2 d 2 h")
    expect(html).toContain("12.5%")
    // "To do" is open + reopened + waiting on the customer.
    expect(html).toMatch(/To do<span[^>]*>3</)
    expect(html).toContain('href="/tickets/macros"')
    expect(html).toContain('href="/tickets/settings"')
  })
  it("renders a ticket: conversation with the internal note marked, SLA, customer, compensation, rating", () => {
    const Page = require("../routes/tickets/[id]/page").default
    const html = render("/tickets/tkt_1", "/tickets/:id", <Page />)
    expect(html).toContain("Internal note: only staff see this")
    expect(html).toContain("It broke\nagain")
    expect(html).toContain("Escalated")
    expect(html).toContain("SORRY10")
    expect(html).toContain("500 points")
    expect(html).toContain("Gold")
    expect(html).toContain("1,200")
    expect(html).toContain('href="/customers/cus_1"')
    expect(html).toContain('href="/orders/order_1"')
    expect(html).toContain("Insert canned response")
    expect(html).toContain("4/5")
  })
  it("renders macros and settings", () => {
    const Macros = require("../routes/tickets/macros/page").default
    const Settings = require("../routes/tickets/settings/page").default
    const macros = render("/tickets/macros", "/tickets/macros", <Macros />)
    expect(macros).toContain("Delay")
    const settingsHtml = render("/tickets/settings", "/tickets/settings", <Settings />)
    // Midnight closing (1440) shows as 00:00; Monday to Friday are ticked.
    expect(settingsHtml).toContain('value="00:00"')
    expect(settingsHtml.match(/role="checkbox" aria-checked="true"/g)).toHaveLength(5)
  })
  it("renders the widgets", () => {
    const Order = require("../widgets/order-tickets").default
    const Customer = require("../widgets/customer-tickets").default
    expect(render("/orders/o", "/orders/o", <Order data={{ id: "order_1", customer_id: "cus_1" }} />)).toContain("#42")
    expect(render("/customers/c", "/customers/c", <Customer data={{ id: "cus_1" }} />)).toContain("Broken")
  })
})
