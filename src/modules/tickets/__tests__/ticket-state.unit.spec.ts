import fc from "fast-check"
import type { SlaPolicy, TicketDTO, TicketPriority, TicketSettingsDTO, TicketStatus } from "../../../types/tickets"
import type { BusinessHours } from "../../../utils/business-time"
import { clockStopped, TICKET_TRANSITIONS } from "../status"
import { higherPriority, raisedPriority, slaView, statusMove, ticketSla, type TicketClock } from "../ticket-state"

const at = (iso: string) => new Date(iso)
const office: BusinessHours = { time_zone: "Europe/Berlin", weekdays: [1, 2, 3, 4, 5], start_minute: 540, end_minute: 1020 }
const target = { first_response_minutes: 4 * 60, resolution_minutes: 16 * 60 }
const sla: SlaPolicy = {
  low: { first_response_minutes: 8 * 60, resolution_minutes: 32 * 60 },
  normal: target,
  high: { first_response_minutes: 60, resolution_minutes: 8 * 60 },
  urgent: { first_response_minutes: 30, resolution_minutes: 4 * 60 },
}
const aroundTheClock: Pick<TicketSettingsDTO, "sla" | "business_hours"> = { sla, business_hours: null }
const officeHours: Pick<TicketSettingsDTO, "sla" | "business_hours"> = { sla, business_hours: office }

// Friday 20 November 2026, 15:00 in Berlin (CET, UTC+1).
const created = "2026-11-20T14:00:00.000Z"

const clock = (changes: Partial<TicketClock> = {}): TicketClock => ({
  status: "open",
  priority: "normal",
  created_at: created,
  first_responded_at: null,
  resolved_at: null,
  closed_at: null,
  pauses: [],
  ...changes,
})

describe("ticketSla", () => {
  it("around the clock: the first response is due its target after creation, the resolution likewise; next due is the first response", () => {
    const { sla: view, deadlines } = ticketSla(clock(), aroundTheClock, at(created))
    expect(deadlines).toEqual({
      first_response_due_at: at("2026-11-20T18:00:00Z"),
      resolution_due_at: at("2026-11-21T06:00:00Z"),
      next_due_at: at("2026-11-20T18:00:00Z"),
    })
    expect(view).toEqual({
      first_response_due_at: "2026-11-20T18:00:00.000Z",
      resolution_due_at: "2026-11-21T06:00:00.000Z",
      first_response_breached: false,
      resolution_breached: false,
      paused: false,
    })
  })

  it("in business hours: only working minutes count (Friday afternoon to Monday and Tuesday)", () => {
    const { deadlines } = ticketSla(clock(), officeHours, at(created))
    // Two hours on Friday, two on Monday from 9:00: Monday 11:00 local.
    expect(deadlines.first_response_due_at).toEqual(at("2026-11-23T10:00:00Z"))
    // 16 hours: 2 on Friday, 8 on Monday, 6 on Tuesday: Tuesday 15:00 local.
    expect(deadlines.resolution_due_at).toEqual(at("2026-11-24T14:00:00Z"))
    expect(deadlines.next_due_at).toEqual(at("2026-11-23T10:00:00Z"))
  })

  it("the priority picks the targets", () => {
    const { deadlines } = ticketSla(clock({ priority: "urgent" }), aroundTheClock, at(created))
    expect(deadlines.first_response_due_at).toEqual(at("2026-11-20T14:30:00Z"))
    expect(deadlines.resolution_due_at).toEqual(at("2026-11-20T18:00:00Z"))
  })

  it("once answered, the next due time is the resolution's", () => {
    const answered = clock({ first_responded_at: "2026-11-20T15:00:00Z" })
    const { sla: view, deadlines } = ticketSla(answered, aroundTheClock, at("2026-11-20T15:00:00Z"))
    expect(deadlines.next_due_at).toEqual(at("2026-11-21T06:00:00Z"))
    expect(deadlines.first_response_due_at).toEqual(at("2026-11-20T18:00:00Z"))
    expect(view.first_response_breached).toBe(false)
  })

  it("a finished wait on the customer pushes the resolution due time by its working length, not the first response", () => {
    // Without business hours: five hours of waiting, five hours later.
    const waited = clock({
      first_responded_at: "2026-11-20T15:00:00Z",
      pauses: [{ start: "2026-11-20T20:00:00.000Z", end: "2026-11-21T01:00:00.000Z" }],
    })
    const plain = ticketSla(waited, aroundTheClock, at("2026-11-21T02:00:00Z")).deadlines
    expect(plain.resolution_due_at).toEqual(at("2026-11-21T11:00:00Z"))
    expect(plain.first_response_due_at).toEqual(at("2026-11-20T18:00:00Z"))

    // In business hours: Monday 14:00 to Tuesday 10:00 local is 3 + 1 working hours, so
    // Tuesday 15:00 becomes Wednesday 11:00 local.
    const office = ticketSla(
      clock({
        first_responded_at: "2026-11-23T08:00:00Z",
        pauses: [{ start: "2026-11-23T13:00:00.000Z", end: "2026-11-24T09:00:00.000Z" }],
      }),
      officeHours,
      at("2026-11-24T09:00:00Z")
    ).deadlines
    expect(office.resolution_due_at).toEqual(at("2026-11-25T10:00:00Z"))
    expect(office.first_response_due_at).toEqual(at("2026-11-23T10:00:00Z"))
    expect(office.next_due_at).toEqual(at("2026-11-25T10:00:00Z"))

    // A wait over the weekend costs no working time.
    const weekend = ticketSla(
      clock({ pauses: [{ start: "2026-11-21T10:00:00.000Z", end: "2026-11-22T10:00:00.000Z" }] }),
      officeHours,
      at("2026-11-22T10:00:00Z")
    ).deadlines
    expect(weekend.resolution_due_at).toEqual(at("2026-11-24T14:00:00Z"))
  })

  it("while waiting on the customer nothing is due next, and a wait begun before the resolution target leaves it open", () => {
    const waiting = clock({
      status: "pending_customer",
      first_responded_at: "2026-11-20T15:00:00Z",
      pauses: [{ start: "2026-11-20T15:00:00.000Z", end: null }],
    })
    const { sla: view, deadlines } = ticketSla(waiting, aroundTheClock, at("2026-12-31T00:00:00Z"))
    expect(deadlines).toEqual({ first_response_due_at: at("2026-11-20T18:00:00Z"), resolution_due_at: null, next_due_at: null })
    expect(view).toEqual(expect.objectContaining({ paused: true, resolution_breached: false, first_response_breached: false }))
  })

  it("breaches: an unanswered ticket past its due time, and one resolved late; one resolved without an answer stops the first-response clock", () => {
    const overdue = ticketSla(clock(), aroundTheClock, at("2026-11-20T18:00:01Z")).sla
    expect(overdue).toEqual(expect.objectContaining({ first_response_breached: true, resolution_breached: false }))

    const resolvedLate = ticketSla(
      clock({
        status: "resolved",
        first_responded_at: "2026-11-20T15:00:00Z",
        resolved_at: "2026-11-21T07:00:00Z",
        pauses: [{ start: "2026-11-21T07:00:00.000Z", end: null }],
      }),
      aroundTheClock,
      at("2026-11-30T00:00:00Z")
    ).sla
    expect(resolvedLate).toEqual(expect.objectContaining({ resolution_breached: true, first_response_breached: false, paused: true }))

    const resolvedUnanswered = ticketSla(
      clock({ status: "resolved", resolved_at: "2026-11-20T16:00:00Z", pauses: [{ start: "2026-11-20T16:00:00.000Z", end: null }] }),
      aroundTheClock,
      at("2026-11-30T00:00:00Z")
    )
    expect(resolvedUnanswered.sla).toEqual(expect.objectContaining({ first_response_breached: false, resolution_breached: false }))
    expect(resolvedUnanswered.deadlines.next_due_at).toBeNull()
  })
})

describe("statusMove", () => {
  const now = at("2026-11-21T10:00:00Z")
  const earlier = "2026-11-20T16:00:00.000Z"
  const running = [{ start: earlier, end: null }]

  it("waiting on the customer opens a pause; their answer closes it", () => {
    expect(statusMove({ status: "open", pauses: [], resolved_at: null }, "pending_customer", now)).toEqual({
      status: "pending_customer",
      pauses: [{ start: now.toISOString(), end: null }],
      resolved_at: null,
    })
    expect(statusMove({ status: "pending_customer", pauses: running, resolved_at: null }, "open", now)).toEqual({
      status: "open",
      pauses: [{ start: earlier, end: now.toISOString() }],
      resolved_at: null,
    })
  })

  it("resolving sets resolved_at and pauses; reopening clears it and ends the pause", () => {
    const resolved = statusMove({ status: "open", pauses: [], resolved_at: null }, "resolved", now)
    expect(resolved).toEqual({ status: "resolved", pauses: [{ start: now.toISOString(), end: null }], resolved_at: now })
    expect(resolved).not.toHaveProperty("closed_at")

    const reopened = statusMove({ status: "resolved", pauses: running, resolved_at: at(earlier) }, "reopened", now)
    expect(reopened).toEqual({ status: "reopened", pauses: [{ start: earlier, end: now.toISOString() }], resolved_at: null })
  })

  it("a move between stopped statuses keeps the running pause; closing sets closed_at and keeps resolved_at", () => {
    const fromWaiting = statusMove({ status: "pending_customer", pauses: running, resolved_at: null }, "resolved", now)
    expect(fromWaiting).toEqual({ status: "resolved", pauses: running, resolved_at: now })

    const closed = statusMove({ status: "resolved", pauses: running, resolved_at: at(earlier) }, "closed", now)
    expect(closed).toEqual({ status: "closed", pauses: running, resolved_at: at(earlier), closed_at: now })

    const closedUnresolved = statusMove({ status: "open", pauses: [], resolved_at: null }, "closed", now)
    expect(closedUnresolved).toEqual({ status: "closed", pauses: [{ start: now.toISOString(), end: null }], resolved_at: null, closed_at: now })
  })

  it("leaves the ticket's own pauses untouched", () => {
    const pauses = [{ start: earlier, end: null }]
    statusMove({ status: "pending_customer", pauses, resolved_at: null }, "open", now)
    expect(pauses).toEqual([{ start: earlier, end: null }])
  })
})

describe("slaView", () => {
  type Viewed = Parameters<typeof slaView>[0]
  const row = (changes: Partial<Viewed> = {}): Viewed => ({
    ...clock(),
    first_response_due_at: "2026-11-20T18:00:00.000Z",
    resolution_due_at: "2026-11-21T06:00:00.000Z",
    first_response_escalated_at: null,
    resolution_escalated_at: null,
    ...changes,
  })
  const before = at("2026-11-20T17:00:00Z")
  const between = at("2026-11-20T19:00:00Z")
  const after = at("2026-11-22T00:00:00Z")

  it("reads the stored due times; nothing is breached before them", () => {
    expect(slaView(row(), before)).toEqual({
      first_response_due_at: "2026-11-20T18:00:00.000Z",
      resolution_due_at: "2026-11-21T06:00:00.000Z",
      first_response_breached: false,
      resolution_breached: false,
      paused: false,
    })
  })

  it("overdue: past a due time without the answer or the resolution", () => {
    expect(slaView(row(), between)).toEqual(expect.objectContaining({ first_response_breached: true, resolution_breached: false }))
    expect(slaView(row(), after)).toEqual(expect.objectContaining({ first_response_breached: true, resolution_breached: true }))
  })

  it("met late stays a breach; met in time never becomes one", () => {
    const late = row({ first_responded_at: "2026-11-20T18:30:00Z", status: "resolved", resolved_at: "2026-11-21T07:00:00Z" })
    expect(slaView(late, after)).toEqual(expect.objectContaining({ first_response_breached: true, resolution_breached: true, paused: true }))
    const onTime = row({ first_responded_at: "2026-11-20T15:00:00Z", status: "resolved", resolved_at: "2026-11-21T05:00:00Z" })
    expect(slaView(onTime, after)).toEqual(expect.objectContaining({ first_response_breached: false, resolution_breached: false }))
    // Closed without resolution or answer: the case ended then.
    const closed = row({ status: "closed", closed_at: "2026-11-20T17:30:00Z" })
    expect(slaView(closed, after)).toEqual(expect.objectContaining({ first_response_breached: false, resolution_breached: false }))
  })

  it("an escalated target is breached even when its due time moved or is gone", () => {
    const escalated = row({
      first_response_due_at: "2026-12-01T00:00:00.000Z",
      resolution_due_at: null,
      first_response_escalated_at: "2026-11-20T18:05:00Z",
      resolution_escalated_at: "2026-11-21T06:05:00Z",
    })
    expect(slaView(escalated, before)).toEqual(expect.objectContaining({ first_response_breached: true, resolution_breached: true }))
  })

  it("without due times nothing is breached", () => {
    const none = row({ first_response_due_at: null, resolution_due_at: null, status: "pending_customer" })
    expect(slaView(none, after)).toEqual({
      first_response_due_at: null,
      resolution_due_at: null,
      first_response_breached: false,
      resolution_breached: false,
      paused: true,
    })
  })
})

describe("priorities", () => {
  it("an escalation raises one step and urgent stays urgent", () => {
    expect((["low", "normal", "high", "urgent"] as TicketPriority[]).map(raisedPriority)).toEqual(["normal", "high", "urgent", "urgent"])
  })

  it("the higher of two, whichever comes first", () => {
    expect(higherPriority("normal", "high")).toBe("high")
    expect(higherPriority("high", "normal")).toBe("high")
    expect(higherPriority("urgent", "low")).toBe("urgent")
    expect(higherPriority("low", "low")).toBe("low")
    expect(higherPriority("normal", "urgent")).toBe("urgent")
  })
})

describe("pauses over any allowed history (property)", () => {
  /** A random walk over TICKET_TRANSITIONS from "open": each step picks one allowed move after some minutes. */
  const walk = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 * 24 * 60 })), { maxLength: 30 })

  it("pauses never overlap, only the last may be running, and it runs exactly while the status stops the clock", () => {
    fc.assert(
      fc.property(walk, (steps) => {
        let time = at(created).getTime()
        let ticket: Pick<TicketDTO, "status" | "pauses" | "resolved_at" | "first_responded_at" | "closed_at"> = {
          status: "open",
          pauses: [],
          resolved_at: null,
          first_responded_at: null,
          closed_at: null,
        }
        for (const [pick, minutes] of steps) {
          const allowed = TICKET_TRANSITIONS[ticket.status]
          if (!allowed.length) {
            break
          }
          time += minutes * 60_000
          const to: TicketStatus = allowed[pick % allowed.length]
          ticket = { ...ticket, ...statusMove(ticket, to, new Date(time)) }

          const pauses = ticket.pauses
          pauses.forEach((pause, index) => {
            if (pause.end !== null) {
              expect(Date.parse(pause.end)).toBeGreaterThanOrEqual(Date.parse(pause.start))
            } else {
              expect(index).toBe(pauses.length - 1)
            }
            if (index > 0) {
              expect(Date.parse(pause.start)).toBeGreaterThanOrEqual(Date.parse(pauses[index - 1].end as string))
            }
          })
          const last = pauses[pauses.length - 1]
          expect(!!last && last.end === null).toBe(clockStopped(ticket.status))
          if (ticket.status === "resolved") {
            expect(ticket.resolved_at).not.toBeNull()
          } else if (ticket.status !== "closed") {
            expect(ticket.resolved_at).toBeNull()
          }
          expect(ticket.closed_at !== null).toBe(ticket.status === "closed")

          // The deadlines follow: nothing is due next while the clock is stopped.
          const { deadlines } = ticketSla({ ...ticket, priority: "normal", created_at: created }, aroundTheClock, new Date(time))
          if (clockStopped(ticket.status)) {
            expect(deadlines.next_due_at).toBeNull()
          }
        }
      }),
      { numRuns: 300 }
    )
  })
})
