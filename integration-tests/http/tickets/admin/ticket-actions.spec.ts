import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { TicketStatus } from "../../../../src/types/tickets"
import { createAdminUser, registerMember } from "../../../helpers/auth"
import { subscribersOf } from "../../../helpers/events"
import { failedRequest, useReadableHttpErrors } from "../../../helpers/http"
import { completeCartThroughStore, createCartThroughStore, createStoreFixtures, placeOrderAndWait, StoreFixtures } from "../../../helpers/store"
import { ticketRowCounts } from "../../../helpers/tickets"
import { loyaltyOf, tiersByName } from "../../../helpers/tiers"

jest.setTimeout(240 * 1000)

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE

type Row = { id: string; [key: string]: any }

/** The moves staff may make (status.ts), and how to bring a new ticket to each starting status. */
const ALLOWED: Record<TicketStatus, TicketStatus[]> = {
  open: ["pending_customer", "resolved", "closed"],
  pending_customer: ["open", "resolved", "closed"],
  reopened: ["pending_customer", "resolved", "closed"],
  resolved: ["reopened", "closed"],
  closed: [],
}
const PATH_TO: Record<TicketStatus, TicketStatus[]> = {
  open: [],
  pending_customer: ["pending_customer"],
  reopened: ["resolved", "reopened"],
  resolved: ["resolved"],
  closed: ["closed"],
}
const LABEL: Record<TicketStatus, string> = {
  open: "Open",
  pending_customer: "Waiting for the customer",
  resolved: "Resolved",
  closed: "Closed",
  reopened: "Reopened",
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
    const complaint = { subject: "Broken zip", category: "product_quality", message: "The zip broke on day one." }
    const staffTicket = async (customerId: string, body: object = {}) =>
      (await api.post("/admin/tickets", { customer_id: customerId, ...complaint, ...body }, admin)).data.ticket as Row
    const get = async (id: string) => (await api.get(`/admin/tickets/${id}`, admin)).data.ticket as Row
    const change = async (id: string, body: object) => (await api.post(`/admin/tickets/${id}`, body, admin)).data.ticket as Row
    const write = async (id: string, body: object) => (await api.post(`/admin/tickets/${id}/messages`, body, admin)).data.ticket as Row
    const compensate = (id: string, body: object) => api.post(`/admin/tickets/${id}/compensation`, body, admin)
    const conversation = (ticket: Row) =>
      ticket.messages.map((message: Row) => [message.author_type, message.body, message.internal])
    /** Everything a failed request must leave alone: ticket rows, ledger entries, promotions. */
    const everything = async () => {
      const [tickets, entries, promotions] = await Promise.all([
        ticketRowCounts(getContainer()),
        knex()("crm_loyalty_entry").count<{ n: string }[]>("* as n"),
        knex()("promotion").count<{ n: string }[]>("* as n"),
      ])
      return { tickets, entries: Number(entries[0].n), promotions: Number(promotions[0].n) }
    }
    const balanceOf = async (customerId: string) =>
      (await api.get(`/admin/customers/${customerId}/loyalty`, admin)).data.loyalty_account.points_balance as number
    const entriesOf = async (customerId: string, reason: string) => {
      const account = await loyaltyOf(getContainer()).retrieveAccountByCustomer(customerId)
      return (await loyaltyOf(getContainer()).listLoyaltyEntries({ account_id: account!.id, reason } as any)) as any[]
    }

    describe("POST /admin/tickets", () => {
      it("staff open a ticket for a customer: 201, source staff, the first message by the user", async () => {
        const customer = await member("caller@crm.test")
        const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers)
        const answer = await api.post(
          "/admin/tickets",
          { customer_id: customer.customerId, ...complaint, order_id: order.id, product_id: fixtures.productId, priority: "high", assignee_id: admin.userId },
          admin
        )
        expect(answer.status).toBe(201)
        const ticket = answer.data.ticket
        expect(ticket).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^tkt_/),
            display_id: expect.any(Number),
            customer_id: customer.customerId,
            status: "open",
            source: "staff",
            priority: "high",
            category: "product_quality",
            subject: "Broken zip",
            assignee_id: admin.userId,
            order_id: order.id,
            product_id: fixtures.productId,
            first_responded_at: null,
            customer: expect.objectContaining({ id: customer.customerId, email: "caller@crm.test" }),
            order: { id: order.id, display_id: expect.any(Number) },
            allowed_statuses: ["pending_customer", "resolved", "closed"],
          })
        )
        expect(ticket.messages).toEqual([
          expect.objectContaining({ author_type: "user", author_id: admin.userId, body: complaint.message, internal: false }),
        ])
        // High: first reply due 240 minutes after opening.
        expect(new Date(ticket.sla.first_response_due_at).getTime() - new Date(ticket.created_at).getTime()).toBe(240 * MINUTE)

        // Without a priority, the customer's tier decides (Basic: normal).
        const plain = await staffTicket(customer.customerId)
        expect(plain).toEqual(expect.objectContaining({ priority: "normal", assignee_id: null, source: "staff", order: null }))
        // The customer sees it in the store, with the staff's first message.
        const mine = (await api.get(`/store/tickets/${plain.id}`, customer)).data.ticket
        expect(mine.messages).toEqual([expect.objectContaining({ author_type: "user", body: complaint.message })])
      })

      it("bad input is a 400 that writes nothing; another customer's order is not found (404)", async () => {
        const owner = await member("owner@crm.test")
        const other = await member("other@crm.test")
        const order = await placeOrderAndWait(api, getContainer(), fixtures, owner.headers)
        const before = await everything()

        const cases: [object, RegExp][] = [
          [{ ...complaint }, /customer_id/],
          [{ customer_id: owner.customerId, ...complaint, subject: "   " }, /subject is required/],
          [{ customer_id: owner.customerId, ...complaint, subject: "x".repeat(201) }, /subject/],
          [{ customer_id: owner.customerId, ...complaint, category: "shipping" }, /category/],
          [{ customer_id: owner.customerId, ...complaint, message: "" }, /message is required/],
          [{ customer_id: owner.customerId, ...complaint, message: "x".repeat(10001) }, /message/],
          [{ customer_id: owner.customerId, ...complaint, priority: "critical" }, /priority/],
          [{ customer_id: owner.customerId, ...complaint, source: "review" }, /source|Unrecognized/i],
          [{ customer_id: owner.customerId, ...complaint, order_id: order.id, product_id: "prod_not_in_order" }, /not part of order/],
          [{ customer_id: owner.customerId, ...complaint, product_id: "prod_missing" }, /was not found/],
        ]
        for (const [body, message] of cases) {
          const answer = await failedRequest(api.post("/admin/tickets", body, admin))
          expect([JSON.stringify(body).slice(0, 120), answer.status]).toEqual([JSON.stringify(body).slice(0, 120), 400])
          expect(answer.data.message).toMatch(message)
        }

        const notTheirs = await failedRequest(api.post("/admin/tickets", { customer_id: other.customerId, ...complaint, order_id: order.id }, admin))
        expect(notTheirs.status).toBe(404)
        expect(notTheirs.data.message).toBe(`Order with id: ${order.id} was not found`)
        const nobody = await failedRequest(api.post("/admin/tickets", { customer_id: "cus_nobody", ...complaint }, admin))
        expect([nobody.status, nobody.data.message]).toEqual([404, "Customer with id: cus_nobody was not found"])
        expect(await everything()).toEqual(before)

        expect((await failedRequest(api.post("/admin/tickets", { customer_id: owner.customerId, ...complaint }, { headers: {} }))).status).toBe(401)
        expect(await everything()).toEqual(before)
      })
    })

    describe("GET /admin/tickets/:id", () => {
      it("answers the whole conversation with internal notes, compensations, the customer's standing, recent orders and the allowed moves", async () => {
        const customer = await member("standing@crm.test")
        const order = await placeOrderAndWait(api, getContainer(), fixtures, customer.headers)
        const opened = (await api.post("/store/tickets", { ...complaint, order_id: order.id }, customer)).data.ticket
        await write(opened.id, { body: "Check the batch number first.", internal: true })
        await write(opened.id, { body: "Sorry! A new one is on its way." })
        await compensate(opened.id, { points: 40 })

        const ticket = await get(opened.id)
        expect(conversation(ticket)).toEqual([
          ["customer", complaint.message, false],
          ["user", "Check the batch number first.", true],
          ["user", "Sorry! A new one is on its way.", false],
        ])
        expect(ticket.messages[1]).toEqual(expect.objectContaining({ author_id: admin.userId, ticket_id: opened.id }))
        expect(ticket.compensations).toEqual([
          expect.objectContaining({ ticket_id: opened.id, type: "points", points: 40, promotion_code: null, created_by: admin.userId }),
        ])
        const account = await loyaltyOf(getContainer()).retrieveAccountByCustomer(customer.customerId)
        const tiers = await tiersByName(getContainer())
        expect(ticket.loyalty).toEqual({
          points_balance: account!.points_balance,
          lifetime_points: account!.lifetime_points,
          tier: { id: tiers.Basic.id, name: "Basic", support_priority: "normal" },
        })
        expect(ticket.loyalty.points_balance).toBe(await balanceOf(customer.customerId))
        expect(ticket.recent_orders).toEqual([
          { id: order.id, display_id: expect.any(Number), status: "pending", total: 25, currency_code: "eur", created_at: expect.any(String) },
        ])
        expect(ticket).toEqual(
          expect.objectContaining({
            allowed_statuses: ["pending_customer", "resolved", "closed"],
            order: { id: order.id, display_id: ticket.recent_orders[0].display_id },
            customer: expect.objectContaining({ id: customer.customerId, email: "standing@crm.test" }),
            sla: expect.objectContaining({ first_response_breached: false, paused: false }),
          })
        )
        expect((await change(opened.id, { status: "resolved" })).allowed_statuses).toEqual(["reopened", "closed"])
        expect((await change(opened.id, { status: "closed" })).allowed_statuses).toEqual([])
      })

      it("an unknown ticket is 404 and anonymous callers get 401 on every route", async () => {
        const customer = await member("anon@crm.test")
        const ticket = await staffTicket(customer.customerId)
        const missing = await failedRequest(api.get("/admin/tickets/tkt_missing", admin))
        expect(missing.status).toBe(404)
        expect(missing.data.message).toBe("Ticket with id: tkt_missing was not found")
        const before = await everything()
        for (const [url, body] of [
          ["/admin/tickets/tkt_missing", { status: "resolved" }],
          ["/admin/tickets/tkt_missing/messages", { body: "Hello" }],
          ["/admin/tickets/tkt_missing/compensation", { points: 10 }],
          ["/admin/tickets/tkt_missing/compensation", { promotion: { type: "percentage", value: 10 } }],
        ] as const) {
          expect([url, (await failedRequest(api.post(url, body, admin))).status]).toEqual([url, 404])
        }
        const anonymous = { headers: {} }
        for (const request of [
          () => api.get(`/admin/tickets/${ticket.id}`, anonymous),
          () => api.post(`/admin/tickets/${ticket.id}`, { status: "resolved" }, anonymous),
          () => api.post(`/admin/tickets/${ticket.id}/messages`, { body: "Hi" }, anonymous),
          () => api.post(`/admin/tickets/${ticket.id}/compensation`, { points: 10 }, anonymous),
          // A customer's token is not a staff session.
          () => api.get(`/admin/tickets/${ticket.id}`, customer),
          () => api.post(`/admin/tickets/${ticket.id}/compensation`, { points: 10 }, customer),
        ]) {
          expect((await failedRequest(request())).status).toBe(401)
        }
        expect(await everything()).toEqual(before)
      })
    })

    describe("POST /admin/tickets/:id", () => {
      it("makes every allowed move, each noted in the conversation", async () => {
        const customer = await member("moves@crm.test")
        for (const [from, targets] of Object.entries(ALLOWED) as [TicketStatus, TicketStatus[]][]) {
          for (const to of targets) {
            const ticket = await staffTicket(customer.customerId, { subject: `${from} to ${to}` })
            for (const step of PATH_TO[from]) {
              await change(ticket.id, { status: step })
            }
            const before = await get(ticket.id)
            expect(before.status).toBe(from)
            const moved = await change(ticket.id, { status: to })
            expect([from, to, moved.status]).toEqual([from, to, to])
            expect(moved.allowed_statuses).toEqual(ALLOWED[to])
            expect(moved.messages).toHaveLength(before.messages.length + 1)
            expect(moved.messages.at(-1)).toEqual(
              expect.objectContaining({ author_type: "system", author_id: null, internal: false, body: `Status changed from ${LABEL[from]} to ${LABEL[to]}` })
            )
            expect(moved.sla.paused).toBe(!["open", "reopened"].includes(to))
            expect(moved.next_due_at === null).toBe(!["open", "reopened"].includes(to))
          }
        }
      })

      it("refuses every forbidden move with a 400 that names the allowed ones, and writes nothing", async () => {
        const customer = await member("forbidden@crm.test")
        const statuses = Object.keys(ALLOWED) as TicketStatus[]
        const at: Partial<Record<TicketStatus, Row>> = {}
        for (const from of statuses) {
          at[from] = await staffTicket(customer.customerId, { subject: `At ${from}` })
          for (const step of PATH_TO[from]) {
            await change(at[from]!.id, { status: step })
          }
        }
        const before = await ticketRowCounts(getContainer())
        let refused = 0
        for (const from of statuses) {
          for (const to of statuses.filter((status) => status !== from && !ALLOWED[from].includes(status))) {
            const answer = await failedRequest(api.post(`/admin/tickets/${at[from]!.id}`, { status: to }, admin))
            expect([from, to, answer.status]).toEqual([from, to, 400])
            const allowed = ALLOWED[from].length ? `allowed: ${ALLOWED[from].join(", ")}` : "it can no longer change"
            expect(answer.data.message).toMatch(`cannot become ${LABEL[to].toLowerCase()}; ${allowed}`)
            refused++
          }
        }
        // open->reopened, pending->reopened, reopened->open, resolved->open/pending, closed->any of four.
        expect(refused).toBe(9)
        expect(await ticketRowCounts(getContainer())).toEqual(before)

        // The same status again changes nothing, and says so with a 200.
        const same = await change(at.open!.id, { status: "open" })
        expect(same.status).toBe("open")
        expect(await ticketRowCounts(getContainer())).toEqual(before)
      })

      it("notes priority, category and assignee changes internally; null unassigns; resolved_at is set and cleared", async () => {
        const customer = await member("fields@crm.test")
        const pat = await createAdminUser(getContainer(), "pat@crm.test")
        const ticket = await staffTicket(customer.customerId)
        const created = new Date(ticket.created_at).getTime()

        const changed = await change(ticket.id, { priority: "urgent", category: "logistics", assignee_id: pat.userId })
        expect(changed).toEqual(expect.objectContaining({ priority: "urgent", category: "logistics", assignee_id: pat.userId, status: "open" }))
        expect(changed.messages.slice(1).map((m: Row) => [m.author_type, m.author_id, m.internal, m.body])).toEqual([
          ["system", admin.userId, true, "Priority changed from normal to urgent"],
          ["system", admin.userId, true, "Category changed from product_quality to logistics"],
          ["system", admin.userId, true, `Assigned to ${pat.userId}`],
        ])
        // The due times follow the new priority (urgent: 60 and 480 minutes).
        expect(new Date(changed.sla.first_response_due_at).getTime() - created).toBe(60 * MINUTE)
        expect(new Date(changed.sla.resolution_due_at).getTime() - created).toBe(480 * MINUTE)
        // Notes never reach the customer.
        const store = (await api.get(`/store/tickets/${ticket.id}`, customer)).data.ticket
        expect(store.messages).toHaveLength(1)

        const unassigned = await change(ticket.id, { assignee_id: null })
        expect(unassigned.assignee_id).toBeNull()
        expect(unassigned.messages.at(-1)).toEqual(expect.objectContaining({ author_type: "system", internal: true, body: "Unassigned" }))
        // Giving what is already there writes nothing.
        const before = await ticketRowCounts(getContainer())
        await change(ticket.id, { assignee_id: null, priority: "urgent" })
        expect(await ticketRowCounts(getContainer())).toEqual(before)

        const resolved = await change(ticket.id, { status: "resolved" })
        expect(resolved.resolved_at).toEqual(expect.any(String))
        const reopened = await change(ticket.id, { status: "reopened" })
        expect(reopened.resolved_at).toBeNull()
        const again = await change(ticket.id, { status: "resolved" })
        expect(new Date(again.resolved_at).getTime()).toBeGreaterThan(new Date(resolved.resolved_at).getTime())
        const closed = await change(ticket.id, { status: "closed" })
        expect(closed).toEqual(expect.objectContaining({ status: "closed", resolved_at: again.resolved_at, closed_at: expect.any(String) }))
      })

      it("bad input is a 400 that writes nothing", async () => {
        const customer = await member("badchange@crm.test")
        const ticket = await staffTicket(customer.customerId)
        const before = await ticketRowCounts(getContainer())
        const cases: [object, RegExp][] = [
          [{}, /Nothing to change/],
          [{ status: "lost" }, /status/],
          [{ priority: "critical" }, /priority/],
          [{ category: "shipping" }, /category/],
          [{ assignee_id: "" }, /assignee_id/],
          [{ assignee_id: "user_nobody" }, /assignee_id: no admin user with id user_nobody/],
          [{ subject: "New subject" }, /subject|Unrecognized/i],
        ]
        for (const [body, message] of cases) {
          const answer = await failedRequest(api.post(`/admin/tickets/${ticket.id}`, body, admin))
          expect([body, answer.status]).toEqual([body, 400])
          expect(answer.data.message).toMatch(message)
        }
        expect(await ticketRowCounts(getContainer())).toEqual(before)
      })

      it("records a pause for each stop of the clock; time spent waiting on the customer moves the resolution due time", async () => {
        const customer = await member("clock@crm.test")
        const ticket = await staffTicket(customer.customerId)
        const twin = await staffTicket(customer.customerId, { subject: "Never paused" })
        // Both opened three hours ago (normal: first reply due after 1440 minutes, resolution after 4320).
        const opened = Date.now() - 3 * HOUR
        await knex()("crm_ticket").whereIn("id", [ticket.id, twin.id]).update({ created_at: new Date(opened) })

        const waiting = await change(ticket.id, { status: "pending_customer" })
        expect(waiting.pauses).toEqual([{ start: expect.any(String), end: null }])
        expect(waiting.sla).toEqual(expect.objectContaining({ paused: true, resolution_due_at: null }))
        expect(waiting.next_due_at).toBeNull()
        // The customer took two hours to answer.
        const pauseStart = new Date(Date.now() - 2 * HOUR).toISOString()
        await knex()("crm_ticket")
          .where({ id: ticket.id })
          .update({ pauses: JSON.stringify([{ start: pauseStart, end: null }]) })

        const back = await change(ticket.id, { status: "open" })
        expect(back.pauses).toEqual([{ start: pauseStart, end: expect.any(String) }])
        const paused = new Date(back.pauses[0].end).getTime() - new Date(pauseStart).getTime()
        expect(paused).toBeGreaterThanOrEqual(2 * HOUR)
        expect(new Date(back.sla.resolution_due_at).getTime()).toBe(opened + 4320 * MINUTE + paused)
        // Nobody waits for the customer before the first answer: that due time does not move.
        expect(new Date(back.sla.first_response_due_at).getTime()).toBe(opened + 1440 * MINUTE)
        expect(back.next_due_at).toBe(back.sla.first_response_due_at)

        // The twin, never paused, is due two hours earlier once its due times are worked out again.
        const twinNow = await change(twin.id, { priority: "normal", category: "other" })
        expect(new Date(twinNow.sla.resolution_due_at).getTime()).toBe(opened + 4320 * MINUTE)
        expect(new Date(back.sla.resolution_due_at).getTime() - new Date(twinNow.sla.resolution_due_at).getTime()).toBe(paused)

        // Resolved stops the clock (a second pause), reopening ends it, closing starts a third.
        const resolved = await change(ticket.id, { status: "resolved" })
        expect(resolved.pauses).toHaveLength(2)
        expect(resolved.pauses[1]).toEqual({ start: resolved.resolved_at, end: null })
        expect(resolved.sla).toEqual(expect.objectContaining({ paused: true, resolution_breached: false }))
        const reopened = await change(ticket.id, { status: "reopened" })
        expect(reopened.pauses[1].end).toEqual(expect.any(String))
        expect(reopened.sla.paused).toBe(false)
        expect(new Date(reopened.sla.resolution_due_at).getTime()).toBeGreaterThan(new Date(back.sla.resolution_due_at).getTime())
        const closed = await change(ticket.id, { status: "closed" })
        expect(closed.pauses).toHaveLength(3)
        expect(closed.pauses[2]).toEqual({ start: closed.closed_at, end: null })
      })
    })

    describe("POST /admin/tickets/:id/messages", () => {
      it("the first public reply sets first_responded_at once; notes do not; a reply can move the status", async () => {
        const customer = await member("replies@crm.test")
        const ticket = await staffTicket(customer.customerId)

        const noted = await write(ticket.id, { body: "Internal: check the warehouse.", internal: true })
        expect(noted.first_responded_at).toBeNull()
        expect(noted.last_message_at).toBe(ticket.last_message_at)
        expect(noted.messages.at(-1)).toEqual(expect.objectContaining({ author_type: "user", author_id: admin.userId, internal: true }))

        const replied = await write(ticket.id, { body: "We are on it." })
        const reply = replied.messages.at(-1)
        expect(reply).toEqual(expect.objectContaining({ author_type: "user", author_id: admin.userId, internal: false, body: "We are on it." }))
        expect(replied.first_responded_at).toBe(reply.created_at)
        expect(replied.last_message_at).toBe(reply.created_at)
        expect(replied.sla.first_response_breached).toBe(false)
        // Only the resolution is still due.
        expect(replied.next_due_at).toBe(replied.sla.resolution_due_at)

        const second = await write(ticket.id, { body: "Still checking." })
        expect(second.first_responded_at).toBe(replied.first_responded_at)
        expect(new Date(second.last_message_at).getTime()).toBeGreaterThan(new Date(replied.last_message_at).getTime())

        const waiting = await write(ticket.id, { body: "Could you send a photo?", status: "pending_customer" })
        expect(waiting.status).toBe("pending_customer")
        expect(conversation(waiting).slice(-2)).toEqual([
          ["user", "Could you send a photo?", false],
          ["system", "Status changed from Open to Waiting for the customer", false],
        ])
        expect(waiting.sla.paused).toBe(true)
        const resolved = await write(ticket.id, { body: "Replaced, closing this.", status: "resolved" })
        expect(resolved).toEqual(expect.objectContaining({ status: "resolved", resolved_at: expect.any(String) }))
        // A status equal to the current one only adds the reply.
        const same = await write(ticket.id, { body: "One more thing.", status: "resolved" })
        expect(same.messages).toHaveLength(resolved.messages.length + 1)

        // The customer sees the replies and status notes, never the note.
        const store = (await api.get(`/store/tickets/${ticket.id}`, customer)).data.ticket
        expect(store.messages.map((m: Row) => m.body)).not.toContain("Internal: check the warehouse.")
        expect(store.messages.map((m: Row) => m.body)).toContain("We are on it.")
      })

      it("a closed ticket takes internal notes only (409 for a reply); bad input is a 400 that writes nothing", async () => {
        const customer = await member("closedmsg@crm.test")
        const ticket = await staffTicket(customer.customerId)

        const before = await ticketRowCounts(getContainer())
        const cases: [object, RegExp][] = [
          [{}, /body/],
          [{ body: "" }, /body is required/],
          [{ body: "  \n " }, /body is required/],
          [{ body: "x".repeat(10001) }, /body/],
          [{ body: "Hi", internal: "yes" }, /internal/],
          [{ body: "Hi", internal: 1 }, /internal/],
          [{ body: "Hi", status: "lost" }, /status/],
          [{ body: "Hi", author_type: "customer" }, /author_type|Unrecognized/i],
        ]
        for (const [body, message] of cases) {
          const answer = await failedRequest(api.post(`/admin/tickets/${ticket.id}/messages`, body, admin))
          expect([JSON.stringify(body).slice(0, 80), answer.status]).toEqual([JSON.stringify(body).slice(0, 80), 400])
          expect(answer.data.message).toMatch(message)
        }
        // A move that is not allowed with the reply: 400, and not even the reply is written.
        const wrongMove = await failedRequest(api.post(`/admin/tickets/${ticket.id}/messages`, { body: "Hi", status: "reopened" }, admin))
        expect(wrongMove.status).toBe(400)
        expect(wrongMove.data.message).toMatch("ticket cannot become reopened; allowed: pending_customer, resolved, closed")
        expect(await ticketRowCounts(getContainer())).toEqual(before)
        // 10000 characters are fine.
        await write(ticket.id, { body: "x".repeat(10000), internal: true })

        await change(ticket.id, { status: "closed" })
        const closedBefore = await ticketRowCounts(getContainer())
        const reply = await failedRequest(api.post(`/admin/tickets/${ticket.id}/messages`, { body: "Anything else?" }, admin))
        expect(reply.status).toBe(409)
        expect(reply.data.message).toBe("This ticket is closed: only internal notes can be added")
        const reopen = await failedRequest(api.post(`/admin/tickets/${ticket.id}/messages`, { body: "Reopening", status: "reopened", internal: true }, admin))
        expect(reopen.status).toBe(400)
        expect(await ticketRowCounts(getContainer())).toEqual(closedBefore)

        const noted = await write(ticket.id, { body: "Customer called again, told them to open a new ticket.", internal: true })
        expect(noted.status).toBe("closed")
        expect(noted.messages.at(-1)).toEqual(expect.objectContaining({ internal: true, body: "Customer called again, told them to open a new ticket." }))
        expect((await ticketRowCounts(getContainer())).messages).toBe(closedBefore.messages + 1)
      })
    })

    describe("POST /admin/tickets/:id/compensation", () => {
      it("points: one ledger entry for the customer, recorded on the ticket (admin and store); a second is 409", async () => {
        const customer = await member("points@crm.test")
        const ticket = (await api.post("/store/tickets", complaint, customer)).data.ticket
        const balance = await balanceOf(customer.customerId)

        const answer = await compensate(ticket.id, { points: 150 })
        expect(answer.status).toBe(200)
        expect(answer.data.ticket.compensations).toEqual([
          expect.objectContaining({
            id: expect.stringMatching(/^tktcmp_/),
            ticket_id: ticket.id,
            type: "points",
            points: 150,
            promotion_id: null,
            promotion_code: null,
            created_by: admin.userId,
          }),
        ])
        expect(await balanceOf(customer.customerId)).toBe(balance + 150)
        const entries = await entriesOf(customer.customerId, "ticket_compensation")
        expect(entries).toEqual([
          expect.objectContaining({ points: 150, source_type: "ticket", source_id: ticket.id, idempotency_key: `ticket-compensation:${ticket.id}` }),
        ])
        expect((await get(ticket.id)).compensations).toEqual(answer.data.ticket.compensations)
        const store = (await api.get(`/store/tickets/${ticket.id}`, customer)).data.ticket
        expect(store.compensations).toEqual([
          { id: answer.data.ticket.compensations[0].id, type: "points", points: 150, promotion_code: null, value_type: null, value: null, currency_code: null, created_at: expect.any(String) },
        ])

        const before = await everything()
        const second = await failedRequest(compensate(ticket.id, { points: 75 }))
        expect(second.status).toBe(409)
        expect(second.data.message).toBe("This ticket has already been compensated with points")
        expect(await balanceOf(customer.customerId)).toBe(balance + 150)
        expect(await everything()).toEqual(before)
      })

      it("two points requests at once give one entry", async () => {
        const customer = await member("race@crm.test")
        const ticket = await staffTicket(customer.customerId)
        const balance = await balanceOf(customer.customerId)
        const answers = await Promise.all(
          [0, 1].map(() =>
            compensate(ticket.id, { points: 200 }).then(
              (response) => response.status,
              (error) => error.response?.status ?? String(error)
            )
          )
        )
        expect(answers.sort()).toEqual([200, 409])
        expect(await entriesOf(customer.customerId, "ticket_compensation")).toHaveLength(1)
        // No counter-entry either: the loser wrote nothing it had to take back.
        expect(await entriesOf(customer.customerId, "compensation")).toHaveLength(0)
        expect(await balanceOf(customer.customerId)).toBe(balance + 200)
        expect((await get(ticket.id)).compensations).toHaveLength(1)
      })

      it("a promotion: a core promotion code for this customer only, once; their cart takes it, another customer's does not", async () => {
        const customer = await member("promo@crm.test")
        const stranger = await member("stranger@crm.test")
        const ticket = (await api.post("/store/tickets", complaint, customer)).data.ticket
        const balance = await balanceOf(customer.customerId)

        const answer = await compensate(ticket.id, { promotion: { type: "percentage", value: 10 } })
        expect(answer.status).toBe(200)
        const [recorded] = answer.data.ticket.compensations
        expect(answer.data.ticket.compensations).toEqual([
          expect.objectContaining({
            type: "promotion",
            points: null,
            promotion_id: expect.stringMatching(/^promo_/),
            promotion_code: expect.stringMatching(/^SORRY-[A-Z0-9]{10}$/),
            value_type: "percentage",
            value: 10,
            currency_code: null,
            created_by: admin.userId,
          }),
        ])
        expect(await balanceOf(customer.customerId)).toBe(balance)

        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [promotion],
        } = await query.graph({
          entity: "promotion",
          fields: ["id", "code", "limit", "is_automatic", "status", "application_method.*", "rules.attribute", "rules.operator", "rules.values.value"],
          filters: { id: recorded.promotion_id },
        })
        expect(promotion).toEqual(
          expect.objectContaining({ code: recorded.promotion_code, limit: 1, is_automatic: false, status: "active" })
        )
        expect(promotion.application_method).toEqual(expect.objectContaining({ type: "percentage", value: 10, target_type: "order" }))
        expect(promotion.rules).toEqual([
          expect.objectContaining({ attribute: "customer.id", operator: "in", values: [expect.objectContaining({ value: customer.customerId })] }),
        ])
        const store = (await api.get(`/store/tickets/${ticket.id}`, customer)).data.ticket
        expect(store.compensations).toEqual([
          expect.objectContaining({ type: "promotion", promotion_code: recorded.promotion_code, value_type: "percentage", value: 10 }),
        ])

        const before = await everything()
        const second = await failedRequest(compensate(ticket.id, { promotion: { type: "fixed", value: 5, currency_code: "eur" } }))
        expect(second.status).toBe(409)
        expect(second.data.message).toBe("This ticket already has a promotion code")
        expect(await everything()).toEqual(before)
        // Points are another kind: still possible.
        expect((await compensate(ticket.id, { points: 10 })).data.ticket.compensations).toHaveLength(2)

        // The real check: the customer's cart takes the code (10% of 25 EUR) ...
        const cartId = await createCartThroughStore(api, fixtures, customer.headers)
        const own = (await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [recorded.promotion_code] }, customer)).data.cart
        expect(own.promotions.map((p: Row) => p.code)).toEqual([recorded.promotion_code])
        expect(own.discount_total).toBe(2.5)
        expect(own.total).toBe(22.5)
        // ... another customer's cart gets no discount from it: Medusa accepts the request and applies nothing.
        const otherCartId = await createCartThroughStore(api, fixtures, stranger.headers)
        const other = (await api.post(`/store/carts/${otherCartId}/promotions`, { promo_codes: [recorded.promotion_code] }, stranger)).data.cart
        expect(other).toEqual(expect.objectContaining({ promotions: [], discount_total: 0, total: 25 }))
        expect((await api.get(`/store/carts/${otherCartId}`, stranger)).data.cart).toEqual(expect.objectContaining({ promotions: [], discount_total: 0 }))

        // Once used in an order, the code is spent (limit 1).
        const placed = subscribersOf(getContainer(), "order.placed")
        const order = await completeCartThroughStore(api, customer.headers, cartId)
        await placed
        expect(order.total).toBe(22.5)
        const nextCartId = await createCartThroughStore(api, fixtures, customer.headers)
        const spent = (await api.post(`/store/carts/${nextCartId}/promotions`, { promo_codes: [recorded.promotion_code] }, customer)).data.cart
        expect(spent).toEqual(expect.objectContaining({ promotions: [], discount_total: 0, total: 25 }))
      })

      it("a fixed promotion keeps its currency", async () => {
        const customer = await member("fixed@crm.test")
        const ticket = await staffTicket(customer.customerId)
        const answer = await compensate(ticket.id, { promotion: { type: "fixed", value: 5, currency_code: "EUR" } })
        expect(answer.data.ticket.compensations).toEqual([
          expect.objectContaining({ type: "promotion", value_type: "fixed", value: 5, currency_code: "eur" }),
        ])
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [promotion],
        } = await query.graph({
          entity: "promotion",
          fields: ["id", "application_method.*"],
          filters: { id: answer.data.ticket.compensations[0].promotion_id },
        })
        expect(promotion.application_method).toEqual(expect.objectContaining({ type: "fixed", value: 5, currency_code: "eur" }))
      })

      it("bad input is a 400 that writes nothing; an unknown ticket is 404", async () => {
        const customer = await member("badcomp@crm.test")
        const ticket = await staffTicket(customer.customerId)
        const before = await everything()
        const cases: [object, RegExp][] = [
          [{ points: 150, promotion: { type: "percentage", value: 10 } }, /Give either points or promotion/],
          [{}, /Give either points or promotion/],
          [{ points: 0 }, /points/],
          [{ points: -5 }, /points/],
          [{ points: 1.5 }, /points/],
          [{ points: "100" }, /points/],
          [{ points: 1_000_001 }, /points/],
          [{ promotion: { type: "fixed", value: 5 } }, /A fixed promotion needs promotion.currency_code/],
          [{ promotion: { type: "percentage", value: 150 } }, /A percentage promotion is at most 100/],
          [{ promotion: { type: "percentage", value: 0 } }, /value/],
          [{ promotion: { type: "free_shipping", value: 10 } }, /type/],
          [{ promotion: { type: "fixed", value: 5, currency_code: "euro" } }, /currency_code/],
          [{ points: 10, reason: "sorry" }, /reason|Unrecognized/i],
        ]
        for (const [body, message] of cases) {
          const answer = await failedRequest(compensate(ticket.id, body))
          expect([body, answer.status]).toEqual([body, 400])
          expect(answer.data.message).toMatch(message)
        }
        for (const body of [{ points: 10 }, { promotion: { type: "percentage", value: 10 } }]) {
          const missing = await failedRequest(compensate("tkt_missing", body))
          expect(missing.status).toBe(404)
          expect(missing.data.message).toBe("Ticket with id: tkt_missing was not found")
        }
        expect(await everything()).toEqual(before)
      })
    })
  },
})
