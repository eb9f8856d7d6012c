import fc from "fast-check"
import { TICKET_STATUSES, type TicketStatus } from "../../../types/tickets"
import type { BusinessHours } from "../../../utils/business-time"
import { slaState } from "../sla"
import { canMoveTicket, clockStopped, statusAfterCustomerMessage, TICKET_TRANSITIONS } from "../status"

const at = (iso: string) => new Date(iso)
const office: BusinessHours = { time_zone: "Europe/Berlin", weekdays: [1, 2, 3, 4, 5], start_minute: 540, end_minute: 1020 }
const target = { first_response_minutes: 4 * 60, resolution_minutes: 16 * 60 }

describe("ticket statuses", () => {
  it("allows the documented moves and no others", () => {
    expect(canMoveTicket("open", "pending_customer")).toBe(true)
    expect(canMoveTicket("resolved", "reopened")).toBe(true)
    expect(canMoveTicket("resolved", "open")).toBe(false)
    expect(canMoveTicket("closed", "reopened")).toBe(false)
    expect(canMoveTicket("open", "open")).toBe(false)
    expect(canMoveTicket("open", "reopened")).toBe(false)
  })

  it("a customer's reply ends the wait, reopens a resolved ticket and cannot touch a closed one", () => {
    expect(statusAfterCustomerMessage("pending_customer")).toBe("open")
    expect(statusAfterCustomerMessage("resolved")).toBe("reopened")
    expect(statusAfterCustomerMessage("open")).toBe("open")
    expect(statusAfterCustomerMessage("closed")).toBeNull()
  })

  it("every status a customer's reply leads to is a status the ticket may move to or keep (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TICKET_STATUSES), (status: TicketStatus) => {
        const next = statusAfterCustomerMessage(status)
        if (next !== null && next !== status) {
          expect(canMoveTicket(status, next)).toBe(true)
        }
      })
    )
    expect(TICKET_TRANSITIONS.closed).toEqual([])
    expect(TICKET_STATUSES.filter(clockStopped)).toEqual(["pending_customer", "resolved", "closed"])
  })
})

describe("SLA state", () => {
  const created = at("2026-11-20T14:00:00Z") // Friday 15:00 in Berlin

  it("due times count working hours only", () => {
    const state = slaState({ created_at: created, first_responded_at: null, resolved_at: null, pauses: [] }, target, office, created)
    // Two hours left on Friday, two more on Monday from 9:00: Monday 11:00 local.
    expect(state.first_response_due_at).toEqual(at("2026-11-23T10:00:00Z"))
    // 16 working hours: 2 on Friday, 8 on Monday, 6 on Tuesday: Tuesday 15:00 local.
    expect(state.resolution_due_at).toEqual(at("2026-11-24T14:00:00Z"))
    expect(state).toEqual(expect.objectContaining({ first_response_breached: false, resolution_breached: false }))
  })

  it("a late first answer is a breach; one in time never becomes one", () => {
    const late = slaState({ created_at: created, first_responded_at: at("2026-11-23T10:01:00Z"), resolved_at: null, pauses: [] }, target, office, at("2026-11-23T12:00:00Z"))
    expect(late.first_response_breached).toBe(true)
    const onTime = slaState({ created_at: created, first_responded_at: at("2026-11-23T09:00:00Z"), resolved_at: null, pauses: [] }, target, office, at("2026-12-01T00:00:00Z"))
    expect(onTime.first_response_breached).toBe(false)
    const unanswered = slaState({ created_at: created, first_responded_at: null, resolved_at: null, pauses: [] }, target, office, at("2026-11-23T10:30:00Z"))
    expect(unanswered.first_response_breached).toBe(true)
  })

  it("waiting on the customer pauses the resolution clock, and a running wait stops it", () => {
    const paused = [{ start: at("2026-11-23T08:00:00Z"), end: at("2026-11-23T16:00:00Z") }] // all of Monday
    const state = slaState({ created_at: created, first_responded_at: at("2026-11-23T08:00:00Z"), resolved_at: null, pauses: paused }, target, office, created)
    expect(state.resolution_due_at).toEqual(at("2026-11-25T14:00:00Z"))
    const waiting = slaState(
      { created_at: created, first_responded_at: at("2026-11-23T08:00:00Z"), resolved_at: null, pauses: [{ start: at("2026-11-23T08:00:00Z"), end: null }] },
      target,
      office,
      at("2026-12-31T00:00:00Z")
    )
    expect(waiting).toEqual(expect.objectContaining({ resolution_due_at: null, resolution_breached: false }))
  })
})
