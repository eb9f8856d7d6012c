import type { StatusChange } from "../../modules/tickets/ticket-actions"
import type { TicketAuthorType, TicketDTO, TicketEventData, TicketStatusChangedEventData } from "../../types/tickets"

export const ticketEventData = (ticket: TicketDTO): TicketEventData => ({
  id: ticket.id,
  display_id: ticket.display_id,
  customer_id: ticket.customer_id,
  order_id: ticket.order_id,
  status: ticket.status,
  priority: ticket.priority,
  category: ticket.category,
})

/** `crm.ticket.status_changed` for a move, and `crm.ticket.resolved` when it resolved the ticket. */
export function statusEvents(ticket: TicketDTO, change: StatusChange | null, actorType: TicketAuthorType) {
  if (!change) {
    return { changed: [] as TicketStatusChangedEventData[], resolved: [] as TicketEventData[] }
  }
  const changed: TicketStatusChangedEventData = {
    ...ticketEventData(ticket),
    status: change.to,
    from_status: change.from,
    message_id: change.message_id,
    actor_type: actorType,
  }
  return { changed: [changed], resolved: change.to === "resolved" ? [ticketEventData(ticket)] : [] }
}
