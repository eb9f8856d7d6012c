import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"

jest.setTimeout(240 * 1000)

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE

type Row = { id: string; [key: string]: any }

/**
 * The escalation job runs every five minutes in the test app too: an overdue
 * ticket seeded just before a run would be escalated (flagged, priority
 * raised) under the test's feet. Wait until the next run is at least
 * `needMs` away.
 */
async function awayFromEscalationRun(needMs = 60_000) {
  const untilNextRun = 5 * MINUTE - (Date.now() % (5 * MINUTE))
  if (untilNextRun < needMs) {
    await new Promise((resolve) => setTimeout(resolve, untilNextRun + 2000))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixtures: StoreFixtures
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      fixtures = await createStoreFixtures(getContainer(), 25)
      admin = await createAdminUser(getContainer())
    })

    const member = (email: string) => registerMember(api, getContainer(), fixtures.publishableKey, email)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const inbox = async (query = "") => (await api.get(`/admin/tickets${query}`, admin)).data
    const ids = (data: { tickets: Row[] }) => data.tickets.map((ticket) => ticket.id)
    const sorted = (list: string[]) => [...list].sort()

    /**
     * Six tickets of two customers, due at different times:
     *  t1 Ann, from the store about her order and product, normal, unassigned, OVERDUE (due times set in the past);
     *  t2 Ann, urgent logistics, assigned to the caller;        t3 Ben, low payment, assigned to Pat, flagged;
     *  t4 Ben, high after-sales, a "%" in the subject;        t5 Ben, normal other, waiting on the customer;
     *  t6 Ann, normal other, resolved.
     */
    async function seedInbox() {
      const ann = await member("ann@crm.test")
      const ben = await member("ben@crm.test")
      const pat = await createAdminUser(getContainer(), "pat@crm.test")
      const order = await placeOrderAndWait(api, getContainer(), fixtures, ann.headers)
      const staffTicket = async (body: object) =>
        (await api.post("/admin/tickets", { message: "Noted on the phone.", ...body }, admin)).data.ticket as Row

      const t1 = (
        await api.post(
          "/store/tickets",
          { subject: "Torn seam on the sleeve", category: "product_quality", message: "It tore.", order_id: order.id, product_id: fixtures.productId },
          ann
        )
      ).data.ticket as Row
      const t2 = await staffTicket({ customer_id: ann.customerId, subject: "Parcel never arrived", category: "logistics", priority: "urgent", assignee_id: admin.userId })
      const t3 = await staffTicket({ customer_id: ben.customerId, subject: "Charged twice", category: "payment", priority: "low", assignee_id: pat.userId })
      const t4 = await staffTicket({ customer_id: ben.customerId, subject: "Refund short by half (%)", category: "after_sales", priority: "high" })
      const t5 = await staffTicket({ customer_id: ben.customerId, subject: "Which size fits?", category: "other", priority: "normal" })
      const t6 = await staffTicket({ customer_id: ann.customerId, subject: "Wrong colour", category: "other", priority: "normal" })
      await api.post(`/admin/tickets/${t5.id}`, { status: "pending_customer" }, admin)
      await api.post(`/admin/tickets/${t6.id}`, { status: "resolved" }, admin)
      await knex()("crm_ticket").where({ id: t3.id }).update({ flagged: true })

      await awayFromEscalationRun()
      const now = Date.now()
      await knex()("crm_ticket")
        .where({ id: t1.id })
        .update({
          first_response_due_at: new Date(now - 2 * HOUR),
          resolution_due_at: new Date(now - HOUR),
          next_due_at: new Date(now - 2 * HOUR),
        })
      return { ann, ben, pat, order, t1, t2, t3, t4, t5, t6 }
    }

    it("each filter narrows the inbox; the counts per status ignore only the status filter", async () => {
      const { ann, ben, pat, order, t1, t2, t3, t4, t5, t6 } = await seedInbox()
      const all = { open: 4, pending_customer: 1, resolved: 1, closed: 0, reopened: 0 }

      const everything = await inbox()
      expect(everything).toEqual(expect.objectContaining({ count: 6, offset: 0, limit: 20, status_counts: all, overdue_count: 1 }))
      expect(sorted(ids(everything))).toEqual(sorted([t1, t2, t3, t4, t5, t6].map((t) => t.id)))

      const cases: [string, Row[], Partial<typeof all>?][] = [
        ["?status=open", [t1, t2, t3, t4]],
        ["?status[]=pending_customer&status[]=resolved", [t5, t6]],
        ["?status=closed", []],
        ["?priority=urgent", [t2], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?priority[]=low&priority[]=high", [t3, t4], { open: 2, pending_customer: 0, resolved: 0 }],
        ["?priority=normal", [t1, t5, t6], { open: 1, pending_customer: 1, resolved: 1 }],
        ["?category=payment", [t3], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?category[]=other&category[]=logistics", [t2, t5, t6], { open: 1, pending_customer: 1, resolved: 1 }],
        [`?assignee_id=${pat.userId}`, [t3], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?assignee_id=none", [t1, t4, t5, t6], { open: 2, pending_customer: 1, resolved: 1 }],
        ["?assignee_id=me", [t2], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?overdue=true", [t1], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?overdue=false", [t2, t3, t4, t5, t6], { open: 3, pending_customer: 1, resolved: 1 }],
        ["?flagged=true", [t3], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?flagged=false", [t1, t2, t4, t5, t6], { open: 3, pending_customer: 1, resolved: 1 }],
        [`?customer_id=${ben.customerId}`, [t3, t4, t5], { open: 2, pending_customer: 1, resolved: 0 }],
        [`?customer_id=${ann.customerId}&status=open`, [t1, t2], { open: 2, pending_customer: 0, resolved: 1 }],
        [`?order_id=${order.id}`, [t1], { open: 1, pending_customer: 0, resolved: 0 }],
        [`?product_id=${fixtures.productId}`, [t1], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?q=seam", [t1], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?q=CHARGED", [t3], { open: 1, pending_customer: 0, resolved: 0 }],
        [`?q=${encodeURIComponent(`#${t4.display_id}`)}`, [t4], { open: 1, pending_customer: 0, resolved: 0 }],
        [`?q=${t5.display_id}`, [t5], { open: 0, pending_customer: 1, resolved: 0 }],
        // "%" and "_" are literal characters, not patterns.
        [`?q=${encodeURIComponent("%")}`, [t4], { open: 1, pending_customer: 0, resolved: 0 }],
        ["?q=_", [], { open: 0, pending_customer: 0, resolved: 0 }],
        ["?q=nothing-like-this", [], { open: 0, pending_customer: 0, resolved: 0 }],
      ]
      for (const [query, expected, counts] of cases) {
        const data = await inbox(query)
        const status = new URLSearchParams(query.slice(1)).getAll("status").concat(new URLSearchParams(query.slice(1)).getAll("status[]"))
        const statusCounts = { ...all, ...(counts ?? {}) }
        const inStatus = (status.length ? status : Object.keys(statusCounts)) as (keyof typeof all)[]
        expect([query, sorted(ids(data))]).toEqual([query, sorted(expected.map((t) => t.id))])
        expect([query, data.count]).toEqual([query, expected.length])
        expect([query, data.status_counts]).toEqual([query, statusCounts])
        expect([query, data.count]).toEqual([query, inStatus.reduce((sum, s) => sum + statusCounts[s], 0)])
        expect([query, data.overdue_count]).toEqual([query, expected.some((t) => t.id === t1.id) ? 1 : 0])
      }
    })

    it("orders by due time (earliest first, none last), creation and priority, and pages with limit and offset", async () => {
      const { t1, t2, t3, t4, t5, t6 } = await seedInbox()
      // Without a stopped clock: first response due after 60 (urgent), 240 (high), 1440 (normal), 2880 (low) minutes.
      const noDue = sorted([t5.id, t6.id])
      const byDue = [t1.id, t2.id, t4.id, t3.id, ...noDue]
      expect(ids(await inbox())).toEqual(byDue)
      expect(ids(await inbox("?order=due"))).toEqual(byDue)
      expect(ids(await inbox("?order=-created_at"))).toEqual([t6, t5, t4, t3, t2, t1].map((t) => t.id))
      expect(ids(await inbox("?order=created_at"))).toEqual([t1, t2, t3, t4, t5, t6].map((t) => t.id))
      // Within a priority, the earliest due first.
      expect(ids(await inbox("?order=priority"))).toEqual([t3.id, t1.id, ...noDue, t4.id, t2.id])
      expect(ids(await inbox("?order=-priority"))).toEqual([t2.id, t4.id, t1.id, ...noDue, t3.id])
      expect(ids(await inbox("?order=-due"))).toEqual([t3.id, t4.id, t2.id, t1.id, ...[...noDue].reverse()])
      expect(ids(await inbox("?order=-display_id"))).toEqual([t6, t5, t4, t3, t2, t1].map((t) => t.id))

      // The stored due times agree with the targets of each priority.
      const rows = (await inbox()).tickets as Row[]
      const dueAfter = (ticket: Row) => (new Date(ticket.next_due_at).getTime() - new Date(ticket.created_at).getTime()) / MINUTE
      expect([t2, t4, t3].map((t) => dueAfter(rows.find((row) => row.id === t.id)!))).toEqual([60, 240, 2880])
      expect(rows.filter((row) => row.next_due_at === null).map((row) => row.id).sort()).toEqual(noDue)

      const page = await inbox("?order=-created_at&limit=2&offset=2")
      expect(page).toEqual(expect.objectContaining({ count: 6, limit: 2, offset: 2, overdue_count: 1 }))
      expect(ids(page)).toEqual([t4.id, t3.id])
      const last = await inbox("?limit=4&offset=4")
      expect(ids(last)).toEqual(noDue)
      expect(last.count).toBe(6)
      expect(ids(await inbox("?offset=6"))).toEqual([])
      // The status filter and paging together.
      const open = await inbox("?status=open&limit=1&offset=1")
      expect(ids(open)).toEqual([t2.id])
      expect(open.count).toBe(4)
    })

    it("each row carries its SLA (breaches when past due), its customer and its order", async () => {
      const { ann, ben, order, t1, t2, t5, t6 } = await seedInbox()
      const rows = (await inbox()).tickets as Row[]
      const row = (ticket: Row) => rows.find((candidate) => candidate.id === ticket.id)!

      expect(row(t1).sla).toEqual({
        first_response_due_at: expect.any(String),
        resolution_due_at: expect.any(String),
        first_response_breached: true,
        resolution_breached: true,
        paused: false,
      })
      expect(new Date(row(t1).sla.first_response_due_at).getTime()).toBeLessThan(Date.now())
      expect(row(t1).sla.first_response_due_at).toBe(new Date(row(t1).first_response_due_at).toISOString())
      expect(row(t1).customer).toEqual({ id: ann.customerId, email: "ann@crm.test", first_name: "Test", last_name: "ann" })
      expect(row(t1).order).toEqual({ id: order.id, display_id: expect.any(Number) })
      expect(row(t1)).toEqual(expect.objectContaining({ source: "customer", product_id: fixtures.productId, order_id: order.id }))

      // Urgent: the first reply is due an hour after opening, the resolution eight hours after; neither missed.
      const created = new Date(row(t2).created_at).getTime()
      expect(row(t2).sla).toEqual({
        first_response_due_at: new Date(created + 60 * MINUTE).toISOString(),
        resolution_due_at: new Date(created + 480 * MINUTE).toISOString(),
        first_response_breached: false,
        resolution_breached: false,
        paused: false,
      })
      expect(row(t2)).toEqual(expect.objectContaining({ source: "staff", assignee_id: admin.userId, order: null }))

      // Waiting on the customer: the clock is stopped, the resolution has no due time while it is.
      expect(row(t5).sla).toEqual(expect.objectContaining({ paused: true, resolution_due_at: null, first_response_breached: false }))
      expect(row(t5).customer).toEqual(expect.objectContaining({ id: ben.customerId, email: "ben@crm.test" }))
      expect(row(t6).sla).toEqual(expect.objectContaining({ paused: true, first_response_breached: false, resolution_breached: false }))

      // A resolution target missed only after the ticket was resolved in time is not a breach; resolved late is.
      await knex()("crm_ticket")
        .where({ id: t6.id })
        .update({ resolution_due_at: new Date(new Date(row(t6).resolved_at).getTime() - MINUTE) })
      const late = (await inbox(`?q=${t6.display_id}`)).tickets[0]
      expect(late.sla).toEqual(expect.objectContaining({ resolution_breached: true, paused: true }))
      // ... and it is not "overdue": its clock no longer runs.
      expect((await inbox("?overdue=true")).tickets.map((t: Row) => t.id)).toEqual([t1.id])
    })

    it("refuses anonymous callers (401) and a bad query (400)", async () => {
      expect((await failedRequest(api.get("/admin/tickets", { headers: {} }))).status).toBe(401)
      const customer = await member("nosy@crm.test")
      expect((await failedRequest(api.get("/admin/tickets", customer))).status).toBe(401)

      for (const query of [
        "?status=lost",
        "?status[]=open&status[]=lost",
        "?order=nonsense",
        "?limit=101",
        "?limit=0",
        "?offset=-1",
        "?priority=critical",
        "?category=shipping",
        "?overdue=yes",
        "?flagged=1",
        "?q=",
        `?q=${"x".repeat(201)}`,
        "?unknown=1",
      ]) {
        const answer = await failedRequest(api.get(`/admin/tickets${query}`, admin))
        expect([query, answer.status]).toEqual([query, 400])
      }
    })
  },
})
