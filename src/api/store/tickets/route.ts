import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type TicketsModuleService from "../../../modules/tickets/service"
import { CrmModules } from "../../../types/modules"
import { openTicketWorkflow } from "../../../workflows/tickets/workflows/open-ticket"
import { retrieveStoreTicket, toStoreTicket } from "../../utils/store-tickets"
import type { StoreCreateTicketType, StoreGetTicketsParamsType } from "./validators"

/** The customer's own tickets, newest first, without conversations. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetTicketsParamsType>, res: MedusaResponse) => {
  const { limit, offset, status } = req.validatedQuery as StoreGetTicketsParamsType
  const tickets: TicketsModuleService = req.scope.resolve(CrmModules.TICKETS)
  const page = await tickets.customerTicketsPage(req.auth_context.actor_id, { status }, { limit, offset })
  const compensations = await tickets.compensationsOf(page.tickets.map((ticket) => ticket.id))
  res.json({
    tickets: page.tickets.map((ticket) =>
      toStoreTicket(
        ticket,
        compensations.filter((compensation) => compensation.ticket_id === ticket.id)
      )
    ),
    count: page.count,
    offset,
    limit,
  })
}

/** The customer opens a ticket (about one of their orders, or not): 201 with the ticket and its first message. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateTicketType>, res: MedusaResponse) => {
  const customerId = req.auth_context.actor_id
  const body = req.validatedBody
  const { result } = await openTicketWorkflow(req.scope).run({
    input: {
      customer_id: customerId,
      subject: body.subject,
      category: body.category,
      message: body.message,
      order_id: body.order_id ?? null,
      product_id: body.product_id ?? null,
      source: "customer",
      author_type: "customer",
      author_id: customerId,
    },
  })
  res.status(201).json({ ticket: await retrieveStoreTicket(req.scope, customerId, result.ticket.id) })
}
