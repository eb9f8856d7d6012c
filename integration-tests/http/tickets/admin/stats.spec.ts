import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type TicketsModuleService from "../../../../src/modules/tickets/service"
import { CrmModules } from "../../../../src/types/modules"
import type { TicketCategory, TicketDTO, TicketStatus } from "../../../../src/types/tickets"
import { createAdminUser } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures } from "../../../helpers/store"

jest.setTimeout(240 * 1000)

const MINUTE = 60 * 1000
const FAR = new Date("2099-01-01T00:00:00Z")

/** A ticket row as the report sees it: times in minutes after `created_at`, or absolute dates. */
type Seed = {
  created_at: string
  category: TicketCategory
  status: TicketStatus
  product_id?: string | null
  first_responded?: number
  first_response_due?: number | Date
  resolved?: number
  resolution_due?: number | Date
  first_response_escalated?: boolean
  resolution_escalated?: boolean
  rating?: number
  deleted?: boolean
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
    })

    const tickets = (): TicketsModuleService => getContainer().resolve(CrmModules.TICKETS)

    /** Writes the tickets through the module, then sets their times with plain SQL (the module stamps `now`). */
    async function seed(rows: Seed[]) {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      let n = 0
      for (const row of rows) {
        const created = new Date(row.created_at)
        const after = (value: number | Date | undefined) =>
          value === undefined ? null : value instanceof Date ? value : new Date(created.getTime() + value * MINUTE)
        const ticket = (await tickets().createTickets({
          customer_id: `cus_stats_${++n}`,
          subject: `Ticket ${n}`,
          category: row.category,
          status: row.status,
          product_id: row.product_id ?? null,
          rating_score: row.rating ?? null,
        })) as unknown as TicketDTO
        await knex("crm_ticket")
          .where({ id: ticket.id })
          .update({
            created_at: created,
            first_responded_at: after(row.first_responded),
            first_response_due_at: after(row.first_response_due),
            resolved_at: after(row.resolved),
            resolution_due_at: after(row.resolution_due),
            first_response_escalated_at: row.first_response_escalated ? after(row.first_response_due) : null,
            resolution_escalated_at: row.resolution_escalated ? created : null,
            deleted_at: row.deleted ? created : null,
          })
      }
    }

    const stats = async (query: string) => (await api.get(`/admin/tickets/stats${query}`, admin)).data.stats

    it("reports January's tickets exactly: open per category, medians, breaches, CSAT and top products with their titles", async () => {
      const fixtures = await createStoreFixtures(getContainer())
      const {
        result: [scarf],
      } = await createProductsWorkflow(getContainer()).run({
        input: { products: [{ title: "Wool scarf", options: [{ title: "Size", values: ["One"] }], variants: [{ title: "One", options: { Size: "One" }, prices: [] }] }] },
      })
      const shirt = fixtures.productId
      await seed([
        // A: on time throughout, rated 5.
        { created_at: "2026-01-05T10:00:00Z", category: "product_quality", status: "resolved", product_id: shirt, first_responded: 30, first_response_due: 60, resolved: 300, resolution_due: 480, rating: 5 },
        // B: answered late (90 > 60), rated 2.
        { created_at: "2026-01-06T10:00:00Z", category: "logistics", status: "closed", product_id: shirt, first_responded: 90, first_response_due: 60, resolved: 600, resolution_due: 1440, rating: 2 },
        // C: never answered, its first-response due time long gone.
        { created_at: "2026-01-07T10:00:00Z", category: "product_quality", status: "open", product_id: scarf.id, first_response_due: 60, resolution_due: FAR },
        // D: answered in time, waiting on the customer, resolution due far ahead.
        { created_at: "2026-01-08T10:00:00Z", category: "payment", status: "pending_customer", first_responded: 15, first_response_due: 60, resolution_due: FAR },
        // E: answered in time (45.25 min), reopened and escalated.
        { created_at: "2026-01-09T10:00:00Z", category: "after_sales", status: "reopened", product_id: shirt, first_responded: 45.25, first_response_due: 60, resolution_escalated: true },
        // F: resolved late (420.5 > 400), rated 4.
        { created_at: "2026-01-10T10:00:00Z", category: "other", status: "resolved", product_id: scarf.id, first_responded: 120, first_response_due: 240, resolved: 420.5, resolution_due: 400, rating: 4 },
        // G: the period's last second, a product that no longer exists.
        { created_at: "2026-01-31T23:59:59Z", category: "product_quality", status: "open", product_id: "prod_gone", first_responded: 10, first_response_due: FAR, resolution_due: FAR },
        // Outside: at `to` (excluded), before `from`, and deleted.
        { created_at: "2026-02-01T00:00:00Z", category: "product_quality", status: "open", product_id: scarf.id, first_response_due: 1, rating: 1 },
        { created_at: "2025-12-31T23:59:59Z", category: "logistics", status: "open", product_id: "prod_gone", first_responded: 1000, first_response_due: 1, rating: 1 },
        { created_at: "2026-01-15T10:00:00Z", category: "product_quality", status: "open", product_id: scarf.id, first_responded: 5000, first_response_due: 1, rating: 1, deleted: true },
      ])

      expect(await stats("?from=2026-01-01&to=2026-02-01")).toEqual({
        from: "2026-01-01T00:00:00.000Z",
        to: "2026-02-01T00:00:00.000Z",
        ticket_count: 7,
        open_by_category: { product_quality: 2, logistics: 0, after_sales: 1, payment: 1, other: 0 },
        // 10, 15, 30, 45.25, 90, 120: (30 + 45.25) / 2 = 37.625.
        median_first_response_minutes: 37.6,
        // 300, 420.5, 600.
        median_resolution_minutes: 420.5,
        // B, C, E and F of 7.
        breach_rate: 0.5714,
        // (5 + 2 + 4) / 3.
        csat_average: 3.67,
        csat_count: 3,
        top_products: [
          { product_id: shirt, title: "Linen shirt", ticket_count: 3 },
          { product_id: scarf.id, title: "Wool scarf", ticket_count: 2 },
          { product_id: "prod_gone", title: null, ticket_count: 1 },
        ],
      })

      // A first-response escalation alone counts as a breach; a zoned date-time bound works.
      await seed([{ created_at: "2026-01-20T10:00:00Z", category: "other", status: "open", first_response_due: FAR, first_response_escalated: true }])
      expect(await stats("?from=2026-01-20T11:00:00%2B01:00&to=2026-01-20T10:00:01Z")).toEqual(
        expect.objectContaining({ from: "2026-01-20T10:00:00.000Z", ticket_count: 1, breach_rate: 1, top_products: [] })
      )
    })

    it("a period without tickets has zeros and nulls", async () => {
      expect(await stats("?from=2020-01-01&to=2020-02-01")).toEqual({
        from: "2020-01-01T00:00:00.000Z",
        to: "2020-02-01T00:00:00.000Z",
        ticket_count: 0,
        open_by_category: { product_quality: 0, logistics: 0, after_sales: 0, payment: 0, other: 0 },
        median_first_response_minutes: null,
        median_resolution_minutes: null,
        breach_rate: null,
        csat_average: null,
        csat_count: 0,
        top_products: [],
      })
    })

    it("ranks at most 10 products, most tickets first, then by id", async () => {
      const products = ["prod_a", "prod_a", ..."bcdefghijkl".split("").map((letter) => `prod_${letter}`)]
      await seed(products.map((product_id, i) => ({ created_at: `2026-03-0${1 + (i % 9)}T12:00:00Z`, category: "other" as const, status: "open" as const, product_id })))
      const top = (await stats("?from=2026-03-01&to=2026-04-01")).top_products
      expect(top.map((p: any) => [p.product_id, p.ticket_count])).toEqual([
        ["prod_a", 2],
        ...["b", "c", "d", "e", "f", "g", "h", "i", "j"].map((letter) => [`prod_${letter}`, 1]),
      ])
    })

    it("covers the last 30 days by default, up to now or up to `to`", async () => {
      const now = Date.now()
      await seed([
        { created_at: new Date(now - 29 * 24 * 60 * MINUTE).toISOString(), category: "payment", status: "open" },
        { created_at: new Date(now - 31 * 24 * 60 * MINUTE).toISOString(), category: "payment", status: "open" },
      ])
      const latest = await stats("")
      expect(latest.ticket_count).toBe(1)
      expect(new Date(latest.to).getTime() - new Date(latest.from).getTime()).toBe(30 * 24 * 60 * MINUTE)
      expect(Math.abs(new Date(latest.to).getTime() - now)).toBeLessThan(60 * 1000)
      expect((await stats(`?from=${new Date(now - 40 * 24 * 60 * MINUTE).toISOString()}`)).ticket_count).toBe(2)
      expect(await stats("?to=2026-03-31")).toEqual(expect.objectContaining({ from: "2026-03-01T00:00:00.000Z", to: "2026-03-31T00:00:00.000Z" }))
    })

    it("refuses a bad period with a 400, and anonymous callers with a 401", async () => {
      const bad: [string, RegExp][] = [
        ["?from=2026-02-01&to=2026-01-01", /from must be before to/],
        ["?from=2026-01-01&to=2026-01-01", /from must be before to/],
        ["?from=2024-01-01&to=2026-01-02", /at most 2 years/],
        ["?from=yesterday", /ISO date/],
        ["?from=2026-01-01T10:00", /ISO date/],
        ["?to=2026-13-01", /ISO date/],
        ["?from=2026-01-01&colour=red", /colour/],
      ]
      for (const [query, message] of bad) {
        const answer = await failedRequest(api.get(`/admin/tickets/stats${query}`, admin))
        expect([query, answer.status]).toEqual([query, 400])
        expect(answer.data.message).toMatch(message)
      }
      expect((await stats("?from=2024-01-02&to=2026-01-02")).ticket_count).toBe(0)
      expect((await failedRequest(api.get("/admin/tickets/stats", { headers: {} }))).status).toBe(401)
    })
  },
})
