import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type TicketsModuleService from "../../modules/tickets/service"
import { CrmModules } from "../../types/modules"
import type { StoreTicket, TicketCompensationDTO, TicketDTO, TicketMessageDTO } from "../../types/tickets"

/** A ticket as its customer sees it: no assignee, escalation or internal notes. */
export function toStoreTicket(
  ticket: TicketDTO,
  compensations: TicketCompensationDTO[],
  messages?: TicketMessageDTO[]
): StoreTicket {
  return {
    id: ticket.id,
    display_id: ticket.display_id,
    order_id: ticket.order_id,
    product_id: ticket.product_id,
    subject: ticket.subject,
    category: ticket.category,
    status: ticket.status,
    resolved_at: ticket.resolved_at,
    closed_at: ticket.closed_at,
    rating_score: ticket.rating_score,
    rating_comment: ticket.rating_comment,
    rated_at: ticket.rated_at,
    last_message_at: ticket.last_message_at,
    created_at: ticket.created_at,
    updated_at: ticket.updated_at,
    can_rate: !!ticket.resolved_at && (ticket.status === "resolved" || ticket.status === "closed") && !ticket.rated_at,
    compensations: compensations.map((compensation) => ({
      id: compensation.id,
      type: compensation.type,
      points: compensation.points,
      promotion_code: compensation.promotion_code,
      value_type: compensation.value_type,
      value: compensation.value,
      currency_code: compensation.currency_code,
      created_at: compensation.created_at,
    })),
    ...(messages
      ? {
          messages: messages
            .filter((message) => !message.internal)
            .map((message) => ({ id: message.id, author_type: message.author_type, body: message.body, created_at: message.created_at })),
        }
      : {}),
  }
}

/** The customer's ticket with its public conversation; 404 when it is not theirs. */
export async function retrieveStoreTicket(scope: MedusaContainer, customerId: string, id: string): Promise<StoreTicket> {
  const tickets: TicketsModuleService = scope.resolve(CrmModules.TICKETS)
  const [ticket] = (await tickets.listTickets({ id, customer_id: customerId }, { take: 1 })) as unknown as TicketDTO[]
  if (!ticket) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Ticket with id: ${id} was not found`)
  }
  const [messages, compensations] = await Promise.all([tickets.messagesOf([id], true), tickets.compensationsOf([id])])
  return toStoreTicket(ticket, compensations, messages)
}
