import type { MedusaContainer } from "@medusajs/framework/types"
import type TicketsModuleService from "../../src/modules/tickets/service"
import { CrmModules } from "../../src/types/modules"

export const ticketsOf = (container: MedusaContainer): TicketsModuleService => container.resolve(CrmModules.TICKETS)

/** Rows of every ticket table, deleted or not, and each ticket's state: "nothing written" checks compare these. */
export async function ticketRowCounts(container: MedusaContainer) {
  const tickets = ticketsOf(container)
  const options = { withDeleted: true, take: 1 }
  const [[rows, ticketCount], [, messageCount], [, compensationCount]] = await Promise.all([
    tickets.listAndCountTickets({}, { withDeleted: true, order: { id: "ASC" } }),
    tickets.listAndCountTicketMessages({}, options),
    tickets.listAndCountTicketCompensations({}, options),
  ])
  return {
    tickets: ticketCount,
    messages: messageCount,
    compensations: compensationCount,
    states: rows.map((ticket) => [ticket.id, ticket.status, ticket.priority, ticket.category, ticket.assignee_id, ticket.rating_score]),
  }
}
