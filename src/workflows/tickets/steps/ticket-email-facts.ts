import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { TicketMessageDTO, TicketStatus } from "../../../types/tickets"
import { ticketsOf } from "./undo-ticket-change"

/** What the ticket e-mails say about the ticket. */
export type TicketEmailTicket = {
  id: string
  display_id: number
  subject: string
  status: TicketStatus
  customer_id: string
  rating_score: number | null
}

export type TicketEmailCustomer = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  metadata: Record<string, unknown> | null
}

/** The ticket, or null when it is gone (deleted since the event). */
export async function loadEmailTicket(container: MedusaContainer, id: string): Promise<TicketEmailTicket | null> {
  const [ticket] = await ticketsOf(container).listTickets(
    { id },
    { select: ["id", "display_id", "subject", "status", "customer_id", "rating_score"], take: 1 }
  )
  return (ticket as unknown as TicketEmailTicket) ?? null
}

/**
 * A message of this ticket that the customer may read: it exists, belongs
 * to the ticket and is not an internal note. Anything else is null, so an
 * event naming a note (or another ticket's message) can never e-mail it.
 */
export async function loadPublicMessage(
  container: MedusaContainer,
  ticketId: string,
  messageId: string
): Promise<Pick<TicketMessageDTO, "id" | "ticket_id" | "author_type" | "body" | "internal"> | null> {
  const [message] = await ticketsOf(container).listTicketMessages(
    { id: messageId },
    { select: ["id", "ticket_id", "author_type", "body", "internal"], take: 1 }
  )
  if (!message || message.ticket_id !== ticketId || message.internal !== false) {
    return null
  }
  return message as unknown as TicketMessageDTO
}

export async function loadEmailCustomer(container: MedusaContainer, id: string): Promise<TicketEmailCustomer | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "metadata"],
    filters: { id },
  })
  return (customer as TicketEmailCustomer | undefined) ?? null
}
