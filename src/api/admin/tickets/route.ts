import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type TicketsModuleService from "../../../modules/tickets/service"
import { CrmModules } from "../../../types/modules"
import type { AdminTicketsResponse } from "../../../types/tickets"
import { openTicketWorkflow } from "../../../workflows/tickets/workflows/open-ticket"
import { retrieveAdminTicket, toAdminTickets } from "../../utils/admin-tickets"
import type { AdminCreateTicketType, AdminGetTicketsParamsType } from "./validators"

/**
 * The inbox: filtered, by default most urgent first (the earliest running
 * due time), with the count per status and the overdue count. Two indexed
 * queries plus one each for the page's customers and orders.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetTicketsParamsType>,
  res: MedusaResponse<AdminTicketsResponse>
) => {
  const { limit, offset, order, assignee_id, ...filters } = req.validatedQuery as AdminGetTicketsParamsType
  const tickets: TicketsModuleService = req.scope.resolve(CrmModules.TICKETS)
  const now = new Date()
  const page = await tickets.inboxPage(
    { ...filters, assignee_id: assignee_id === "me" ? req.auth_context.actor_id : assignee_id },
    { order, limit, offset },
    now
  )
  res.json({
    tickets: await toAdminTickets(req.scope, page.tickets, now),
    count: page.count,
    offset,
    limit,
    status_counts: page.status_counts,
    overdue_count: page.overdue_count,
  })
}

/** Staff open a ticket for a customer (a phone call, an e-mail): 201 with the ticket. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateTicketType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await openTicketWorkflow(req.scope).run({
    input: {
      customer_id: body.customer_id,
      subject: body.subject,
      category: body.category,
      message: body.message,
      order_id: body.order_id ?? null,
      product_id: body.product_id ?? null,
      priority: body.priority ?? null,
      assignee_id: body.assignee_id ?? null,
      source: "staff",
      author_type: "user",
      author_id: req.auth_context.actor_id,
    },
  })
  res.status(201).json({ ticket: await retrieveAdminTicket(req.scope, result.ticket.id) })
}
