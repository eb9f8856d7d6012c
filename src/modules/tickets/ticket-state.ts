import type { Pause } from "../../utils/business-time"
import {
  TICKET_PRIORITIES,
  type TicketDTO,
  type TicketPriority,
  type TicketSettingsDTO,
  type TicketSla,
  type TicketStatus,
} from "../../types/tickets"
import { slaState } from "./sla"
import { clockStopped } from "./status"

/** The columns the SLA clock reads. */
export type TicketClock = Pick<
  TicketDTO,
  "status" | "priority" | "sla_priority" | "created_at" | "first_responded_at" | "resolved_at" | "closed_at" | "pauses"
>

/** The stored deadlines: what the inbox sorts by and the escalation job reads. */
export type TicketDeadlines = Pick<TicketDTO, "first_response_due_at" | "resolution_due_at" | "next_due_at">

const toDate = (value: Date | string | null) => (value === null ? null : new Date(value))
const iso = (value: Date | null) => (value ? value.toISOString() : null)

export const pausesOf = (ticket: Pick<TicketDTO, "pauses">): Pause[] =>
  (ticket.pauses ?? []).map((pause) => ({ start: new Date(pause.start), end: toDate(pause.end) }))

/**
 * A ticket's due times and breaches at `now`, from its priority's targets.
 * A ticket closed or resolved without a first reply stops that clock too:
 * the case was handled. The next due time is the earliest deadline still
 * running; null while the clock is stopped.
 */
export function ticketSla(ticket: TicketClock, settings: Pick<TicketSettingsDTO, "sla" | "business_hours">, now: Date) {
  const done = toDate(ticket.resolved_at) ?? toDate(ticket.closed_at)
  const state = slaState(
    {
      created_at: new Date(ticket.created_at),
      first_responded_at: toDate(ticket.first_responded_at) ?? done,
      resolved_at: done,
      pauses: pausesOf(ticket),
    },
    settings.sla[ticket.sla_priority ?? ticket.priority],
    settings.business_hours,
    now
  )
  const paused = clockStopped(ticket.status)
  const running = [ticket.first_responded_at ? null : state.first_response_due_at, state.resolution_due_at].filter(
    (due): due is Date => due !== null
  )
  const next = paused || !running.length ? null : new Date(Math.min(...running.map((due) => due.getTime())))
  const sla: TicketSla = {
    first_response_due_at: iso(state.first_response_due_at),
    resolution_due_at: iso(state.resolution_due_at),
    first_response_breached: state.first_response_breached,
    resolution_breached: state.resolution_breached,
    paused,
  }
  const deadlines: TicketDeadlines = {
    first_response_due_at: state.first_response_due_at,
    resolution_due_at: state.resolution_due_at,
    next_due_at: next,
  }
  return { sla, deadlines }
}

/**
 * The columns a status move changes. Every stretch in which the clock is
 * stopped (waiting on the customer, resolved, closed) is a pause: a ticket
 * reopened after a week resolved is not a week late.
 */
export function statusMove(ticket: Pick<TicketDTO, "status" | "pauses" | "resolved_at">, to: TicketStatus, now: Date) {
  const pauses = [...(ticket.pauses ?? [])]
  const last = pauses[pauses.length - 1]
  const running = !!last && last.end === null
  if (clockStopped(to) && !running) {
    pauses.push({ start: now.toISOString(), end: null })
  } else if (!clockStopped(to) && running) {
    pauses[pauses.length - 1] = { start: last.start, end: now.toISOString() }
  }
  return {
    status: to,
    pauses,
    resolved_at: to === "resolved" ? now : to === "reopened" ? null : ticket.resolved_at,
    ...(to === "closed" ? { closed_at: now } : {}),
  }
}

/** The priority one step up (urgent stays urgent): what an escalation raises a ticket to. */
export function raisedPriority(priority: TicketPriority): TicketPriority {
  const index = TICKET_PRIORITIES.indexOf(priority)
  return TICKET_PRIORITIES[Math.min(index + 1, TICKET_PRIORITIES.length - 1)]
}

/** The higher of two priorities: a tier with priority support lifts a new ticket, never lowers it. */
export const higherPriority = (a: TicketPriority, b: TicketPriority): TicketPriority =>
  TICKET_PRIORITIES.indexOf(a) >= TICKET_PRIORITIES.indexOf(b) ? a : b

/**
 * What staff see of the SLA at `now`, from the deadlines stored on the row
 * (those the escalation job reads): a target is breached when it was met
 * late, is overdue now, or was escalated.
 */
export function slaView(
  ticket: TicketClock &
    Pick<TicketDTO, "first_response_due_at" | "resolution_due_at" | "first_response_escalated_at" | "resolution_escalated_at">,
  now: Date
): TicketSla {
  const done = toDate(ticket.resolved_at) ?? toDate(ticket.closed_at)
  const firstDue = toDate(ticket.first_response_due_at)
  const resolutionDue = toDate(ticket.resolution_due_at)
  const answeredBy = toDate(ticket.first_responded_at) ?? done ?? now
  const resolvedBy = done ?? now
  return {
    first_response_due_at: iso(firstDue),
    resolution_due_at: iso(resolutionDue),
    first_response_breached: !!ticket.first_response_escalated_at || (!!firstDue && answeredBy > firstDue),
    resolution_breached: !!ticket.resolution_escalated_at || (!!resolutionDue && resolvedBy > resolutionDue),
    paused: clockStopped(ticket.status),
  }
}
