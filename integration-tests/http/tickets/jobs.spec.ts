import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import closeResolvedTicketsJob from "../../../src/jobs/close-resolved-tickets"
import escalateOverdueTicketsJob from "../../../src/jobs/escalate-overdue-tickets"
import {
  TicketEvents,
  type TicketDTO,
  type TicketEscalatedEventData,
  type TicketPriority,
  type TicketStatusChangedEventData,
} from "../../../src/types/tickets"
import { createAdminUser, createPublishableKey, registerMember } from "../../helpers/auth"
import { useReadableHttpErrors } from "../../helpers/http"
import { ticketRowCounts, ticketsOf } from "../../helpers/tickets"
import { clearRecordedNotifications, recordedNotifications } from "../../providers/notification-recorder/service"
import { eventListeners, until } from "../../helpers/events"

jest.setTimeout(240 * 1000)

const MINUTE = 60 * 1000
const DAY = 24 * 60 * MINUTE
const ago = (ms: number) => new Date(Date.now() - ms)


/** Time for a late, unwanted event or e-mail to show up before a test says there was none. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    const eventLog = eventListeners(() => getContainer())
    const listen = eventLog.listen

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      clearRecordedNotifications()
      publishableKey = await createPublishableKey(getContainer())
    })
    afterEach(() => eventLog.stopAll())

    const tickets = () => ticketsOf(getContainer())
    const member = (email: string) => registerMember(api, getContainer(), publishableKey, email)
    const mails = (template: string) => recordedNotifications().filter((n) => n.template === template)


    /** A customer's ticket opened through the module at `at` (its SLA clock starts then). */
    async function openAt(customerId: string, at: Date, priority: TicketPriority = "normal", subject = `Ticket at ${at.toISOString()}`) {
      const { ticket } = await tickets().openTicket(
        {
          customer_id: customerId,
          subject,
          category: "product_quality",
          priority,
          order_id: null,
          product_id: null,
          source: "customer",
          source_id: null,
          message: { author_type: "customer", author_id: customerId, body: "The zip broke on day one.", internal: false },
        },
        at
      )
      return ticket
    }

    const row = async (id: string) => (await tickets().retrieveTicket(id)) as unknown as TicketDTO
    const escalationNotes = async (id: string) =>
      (await tickets().messagesOf([id], false)).filter((message) => message.body.startsWith("Escalated:"))
    const breaches = (events: TicketEscalatedEventData[]) => events.map((event) => `${event.id}:${event.breach}`).sort()

    describe("escalation", () => {
      it("escalates each breach once over two runs: priority one step per breach, flagged, noted internally, one event and one e-mail each", async () => {
        await tickets().changeTicketSettings({ escalation_email: "support@crm.test" })
        const admin = await createAdminUser(getContainer())
        const { customerId } = await member("late@crm.test")
        const opened = ago(10 * DAY)

        // Default targets (no business hours): normal 1 day / 3 days, low 2 days / 7 days.
        const unanswered = await openAt(customerId, opened, "normal", "Unanswered")
        const urgent = await openAt(customerId, opened, "urgent", "Urgent")
        const answered = await openAt(customerId, opened, "normal", "Answered in time")
        await tickets().addTicketMessage(
          { ticket_id: answered.id, message: { author_type: "user", author_id: admin.userId, body: "On it.", internal: false } },
          new Date(opened.getTime() + 30 * MINUTE)
        )
        // Waiting on the customer, never answered: its first-response due time is long gone, and still no escalation.
        const waiting = await openAt(customerId, opened, "normal", "Waiting")
        await tickets().changeTicket({ id: waiting.id, status: "pending_customer", actor_id: admin.userId }, new Date(opened.getTime() + 30 * MINUTE))
        const lowFirstOnly = await openAt(customerId, ago(3 * DAY), "low", "Low, first response late")
        const fresh = await openAt(customerId, new Date(), "normal", "Fresh")
        expect((await row(waiting.id)).first_response_due_at).not.toBeNull()

        const events = listen<TicketEscalatedEventData>(TicketEvents.ESCALATED)
        const started = Date.now()
        await escalateOverdueTicketsJob(getContainer())
        await escalateOverdueTicketsJob(getContainer())
        await until(() => mails("ticket-escalated").length >= 6, "six escalation e-mails")
        await settle()

        expect(breaches(events)).toEqual(
          [
            `${unanswered.id}:first_response`,
            `${unanswered.id}:resolution`,
            `${urgent.id}:first_response`,
            `${urgent.id}:resolution`,
            `${answered.id}:resolution`,
            `${lowFirstOnly.id}:first_response`,
          ].sort()
        )
        const eventOf = (id: string, breach: string) => events.find((event) => event.id === id && event.breach === breach)!
        expect(eventOf(unanswered.id, "first_response")).toEqual(
          expect.objectContaining({ priority: "high", previous_priority: "normal", status: "open", customer_id: customerId })
        )
        expect(eventOf(unanswered.id, "resolution")).toEqual(expect.objectContaining({ priority: "urgent", previous_priority: "high" }))
        expect(eventOf(urgent.id, "resolution")).toEqual(expect.objectContaining({ priority: "urgent", previous_priority: "urgent" }))
        expect(eventOf(answered.id, "resolution")).toEqual(
          expect.objectContaining({ priority: "high", previous_priority: "normal", due_at: new Date(answered.resolution_due_at!).toISOString() })
        )

        const escalatedAt = (value: Date | string | null) => (value ? new Date(value).getTime() : null)
        const state = async (id: string) => {
          const ticket = await row(id)
          return {
            priority: ticket.priority,
            flagged: ticket.flagged,
            first: escalatedAt(ticket.first_response_escalated_at) !== null,
            resolution: escalatedAt(ticket.resolution_escalated_at) !== null,
            notes: (await escalationNotes(id)).length,
          }
        }
        expect(await state(unanswered.id)).toEqual({ priority: "urgent", flagged: true, first: true, resolution: true, notes: 2 })
        expect(await state(urgent.id)).toEqual({ priority: "urgent", flagged: true, first: true, resolution: true, notes: 2 })
        expect(await state(answered.id)).toEqual({ priority: "high", flagged: true, first: false, resolution: true, notes: 1 })
        expect(await state(lowFirstOnly.id)).toEqual({ priority: "normal", flagged: true, first: true, resolution: false, notes: 1 })
        expect(await state(waiting.id)).toEqual({ priority: "normal", flagged: false, first: false, resolution: false, notes: 0 })
        expect(await state(fresh.id)).toEqual({ priority: "normal", flagged: false, first: false, resolution: false, notes: 0 })
        const stamped = escalatedAt((await row(unanswered.id)).first_response_escalated_at)!
        expect(stamped).toBeGreaterThanOrEqual(started - 1000)
        expect(stamped).toBeLessThanOrEqual(Date.now())

        // The notes are internal system notes saying what happened.
        const notes = await escalationNotes(unanswered.id)
        expect(notes.map((note) => [note.author_type, note.internal])).toEqual([
          ["system", true],
          ["system", true],
        ])
        expect(notes.map((note) => note.body)).toEqual([
          expect.stringMatching(/^Escalated: the first response was due .+; priority raised from normal to high$/),
          expect.stringMatching(/^Escalated: the resolution was due .+; priority raised from high to urgent$/),
        ])
        expect((await escalationNotes(urgent.id)).map((note) => note.body)).toEqual([
          expect.not.stringContaining("priority raised"),
          expect.not.stringContaining("priority raised"),
        ])
        // One e-mail per breach, to the escalation address.
        const sent = mails("ticket-escalated")
        expect(sent).toHaveLength(6)
        expect(new Set(sent.map((n) => n.to))).toEqual(new Set(["support@crm.test"]))

        // Staff see the breaches: the ticket answered in time has none for its first response.
        const staffView = (await api.get(`/admin/tickets/${answered.id}`, admin)).data.ticket
        expect(staffView.sla).toEqual(expect.objectContaining({ first_response_breached: false, resolution_breached: true }))
        expect(staffView).toEqual(expect.objectContaining({ flagged: true, priority: "high" }))
        const unansweredView = (await api.get(`/admin/tickets/${unanswered.id}`, admin)).data.ticket
        expect(unansweredView.sla).toEqual(expect.objectContaining({ first_response_breached: true, resolution_breached: true }))
      })

      // Known bug (reported, not fixed here): the escalation raises the priority without touching the stored
      // due times, and the next write of any kind (here an internal note) recomputes them from the raised
      // priority's targets, retroactively: normal 1 day / 3 days become high 4 hours / 1 day, so the
      // resolution is suddenly overdue and the next run escalates it because of a note.
      it("an internal note after an escalation leaves the due times as they were", async () => {
        const admin = await createAdminUser(getContainer())
        const { customerId } = await member("note@crm.test")
        // Normal: the first response was due a day ago, the resolution is due in a day.
        const ticket = await openAt(customerId, ago(2 * DAY), "normal")
        await escalateOverdueTicketsJob(getContainer())
        const escalated = await row(ticket.id)
        expect(escalated).toEqual(expect.objectContaining({ priority: "high", resolution_escalated_at: null }))
        expect(new Date(escalated.resolution_due_at!).getTime()).toBe(new Date(ticket.resolution_due_at!).getTime())

        await api.post(`/admin/tickets/${ticket.id}/messages`, { body: "Checking with the warehouse.", internal: true }, admin)
        const noted = await row(ticket.id)
        expect({ first: noted.first_response_due_at, resolution: noted.resolution_due_at }).toEqual({
          first: escalated.first_response_due_at,
          resolution: escalated.resolution_due_at,
        })
      })

      it("two runs at once still escalate each breach once", async () => {
        await tickets().changeTicketSettings({ escalation_email: "support@crm.test" })
        const { customerId } = await member("race@crm.test")
        const opened = ago(30 * DAY)
        const low = await openAt(customerId, opened, "low")
        const normal = await openAt(customerId, opened, "normal")
        const high = await openAt(customerId, opened, "high")
        const events = listen<TicketEscalatedEventData>(TicketEvents.ESCALATED)

        await Promise.all([escalateOverdueTicketsJob(getContainer()), escalateOverdueTicketsJob(getContainer())])
        await until(() => mails("ticket-escalated").length >= 6, "six escalation e-mails")
        const counts = await ticketRowCounts(getContainer())
        await Promise.all([escalateOverdueTicketsJob(getContainer()), escalateOverdueTicketsJob(getContainer())])
        await settle()

        expect(breaches(events)).toEqual(
          [low, normal, high].flatMap((ticket) => [`${ticket.id}:first_response`, `${ticket.id}:resolution`]).sort()
        )
        expect(mails("ticket-escalated")).toHaveLength(6)
        expect((await row(low.id)).priority).toBe("high")
        expect((await row(normal.id)).priority).toBe("urgent")
        expect((await row(high.id)).priority).toBe("urgent")
        for (const ticket of [low, normal, high]) {
          expect(await escalationNotes(ticket.id)).toHaveLength(2)
        }
        expect(await ticketRowCounts(getContainer())).toEqual(counts)
      })
    })

    describe("auto-close", () => {
      it("closes tickets resolved longer ago than auto_close_days with a public note and a status e-mail; newer and reopened ones stay; a second run changes nothing", async () => {
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const admin = await createAdminUser(getContainer())
        const customer = await member("done@crm.test")
        const { customerId } = customer
        const resolve = (id: string, at: Date) => tickets().changeTicket({ id, status: "resolved", actor_id: admin.userId }, at)

        const old = await openAt(customerId, ago(20 * DAY), "normal", "Resolved long ago")
        const oldResolvedAt = ago(12 * DAY)
        await resolve(old.id, oldResolvedAt)
        const newer = await openAt(customerId, ago(20 * DAY), "normal", "Resolved recently")
        await resolve(newer.id, ago(6 * DAY))
        const reopened = await openAt(customerId, ago(20 * DAY), "normal", "Reopened by the customer")
        await resolve(reopened.id, ago(12 * DAY))
        await tickets().addTicketMessage(
          { ticket_id: reopened.id, customer_id: customerId, message: { author_type: "customer", author_id: customerId, body: "Still broken.", internal: false } },
          ago(11 * DAY)
        )
        expect((await row(reopened.id)).status).toBe("reopened")
        // Even a stale resolution date does not close a ticket that is no longer resolved.
        await knex("crm_ticket").where({ id: reopened.id }).update({ resolved_at: ago(12 * DAY) })
        // The edge: 8 days against 7 closes (set with SQL, as an old resolution would be).
        const edge = await openAt(customerId, ago(20 * DAY), "normal", "Resolved eight days ago")
        await resolve(edge.id, new Date())
        const edgeResolvedAt = ago(8 * DAY)
        await knex("crm_ticket").where({ id: edge.id }).update({ resolved_at: edgeResolvedAt })

        const events = listen<TicketStatusChangedEventData>(TicketEvents.STATUS_CHANGED)
        const started = Date.now()
        await closeResolvedTicketsJob(getContainer())
        await until(() => mails("ticket-status-changed").length >= 2, "two status e-mails")
        await settle()

        expect((await row(old.id)).status).toBe("closed")
        expect((await row(edge.id)).status).toBe("closed")
        expect((await row(newer.id)).status).toBe("resolved")
        expect((await row(reopened.id)).status).toBe("reopened")
        const closed = await row(old.id)
        expect(new Date(closed.closed_at!).getTime()).toBeGreaterThanOrEqual(started - 1000)
        // Closing keeps when it was resolved.
        expect(new Date(closed.resolved_at!).getTime()).toBe(oldResolvedAt.getTime())
        expect(new Date((await row(edge.id)).resolved_at!).getTime()).toBe(edgeResolvedAt.getTime())

        expect(events.map((event) => [event.id, event.from_status, event.status, event.actor_type]).sort()).toEqual(
          [
            [old.id, "resolved", "closed", "system"],
            [edge.id, "resolved", "closed", "system"],
          ].sort()
        )

        // The note is public: the customer reads it in the store.
        const { ticket } = (await api.get(`/store/tickets/${old.id}`, customer)).data
        expect(ticket.status).toBe("closed")
        expect(ticket.messages[ticket.messages.length - 1]).toEqual(
          expect.objectContaining({ author_type: "system", body: "Status changed from Resolved to Closed (closed automatically after 7 days)" })
        )

        const sent = mails("ticket-status-changed")
        expect(sent.map((n) => [n.to, (n.data as { ticket_id: string }).ticket_id]).sort()).toEqual(
          [
            ["done@crm.test", old.id],
            ["done@crm.test", edge.id],
          ].sort()
        )
        expect((sent[0].content as { subject: string }).subject).toMatch(/^Your ticket #\d+ has been closed$/)

        const before = await ticketRowCounts(getContainer())
        await closeResolvedTicketsJob(getContainer())
        await settle()
        expect(await ticketRowCounts(getContainer())).toEqual(before)
        expect(events).toHaveLength(2)
        expect(mails("ticket-status-changed")).toHaveLength(2)

        // A shorter setting takes effect on the next run.
        await tickets().changeTicketSettings({ auto_close_days: 5 })
        await closeResolvedTicketsJob(getContainer())
        await until(() => mails("ticket-status-changed").length >= 3, "the third status e-mail")
        expect((await row(newer.id)).status).toBe("closed")
        expect((await row(reopened.id)).status).toBe("reopened")
        const [last] = (await tickets().messagesOf([newer.id], true)).slice(-1)
        expect(last.body).toBe("Status changed from Resolved to Closed (closed automatically after 5 days)")
      })
    })
  },
})
