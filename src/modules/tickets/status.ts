import type { TicketStatus } from "../../types/tickets"

/**
 * Which status may follow which. A resolved ticket is reopened (by a
 * customer's reply or by staff) or closed; a closed one stays closed, and a
 * customer writes a new ticket instead.
 */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ["pending_customer", "resolved", "closed"],
  pending_customer: ["open", "resolved", "closed"],
  reopened: ["pending_customer", "resolved", "closed"],
  resolved: ["reopened", "closed"],
  closed: [],
}

export const canMoveTicket = (from: TicketStatus, to: TicketStatus) => TICKET_TRANSITIONS[from].includes(to)

/** The status a ticket takes when its customer writes: waiting on them ends; a resolved ticket reopens. */
export function statusAfterCustomerMessage(status: TicketStatus): TicketStatus | null {
  switch (status) {
    case "pending_customer":
      return "open"
    case "resolved":
      return "reopened"
    case "closed":
      return null
    default:
      return status
  }
}

/** Whether the SLA clock is stopped in this status (waiting on the customer, or done). */
export const clockStopped = (status: TicketStatus) => status !== "open" && status !== "reopened"
