import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { macroContext, renderMacro } from "../../../../../modules/tickets/macro"
import type TicketsModuleService from "../../../../../modules/tickets/service"
import { CrmModules } from "../../../../../types/modules"
import type { TicketDTO, TicketMacroDTO } from "../../../../../types/tickets"
import type { AdminRenderTicketMacroType } from "../../validators"
import { storeNameOf } from "./store-name"

/** The canned response filled in for one ticket (and the staff member asking), with the placeholders nothing was known for; nothing is sent. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRenderTicketMacroType>, res: MedusaResponse) => {
  const tickets = req.scope.resolve<TicketsModuleService>(CrmModules.TICKETS)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const macro = (await tickets.retrieveTicketMacro(req.params.id)) as unknown as TicketMacroDTO
  const ticket = (await tickets.retrieveTicket(req.validatedBody.ticket_id)) as unknown as TicketDTO
  const [settings, { data: users }, { data: customers }, { data: orders }] = await Promise.all([
    tickets.loadTicketSettings(),
    query.graph({ entity: "user", fields: ["first_name"], filters: { id: req.auth_context.actor_id } }),
    query.graph({ entity: "customer", fields: ["first_name", "last_name", "email"], filters: { id: ticket.customer_id } }),
    ticket.order_id
      ? query.graph({ entity: "order", fields: ["display_id", "total", "currency_code", "created_at"], filters: { id: ticket.order_id } })
      : Promise.resolve({ data: [] as Record<string, any>[] }),
  ])
  const [user] = users as Record<string, any>[]
  const [customer] = customers as Record<string, any>[]
  const [order] = orders as Record<string, any>[]
  const rendered = renderMacro(
    macro.body,
    macroContext({
      ticket: { display_id: ticket.display_id, subject: ticket.subject, category: ticket.category },
      customer: customer ? { first_name: customer.first_name ?? null, last_name: customer.last_name ?? null, email: customer.email ?? null } : null,
      order: order
        ? { display_id: order.display_id ?? null, total: order.total == null ? null : Number(order.total), currency_code: order.currency_code ?? null, created_at: order.created_at }
        : null,
      store_name: storeNameOf(req.scope),
      agent: user ? { first_name: user.first_name ?? null } : null,
      time_zone: settings.business_hours?.time_zone ?? null,
    })
  )
  if (rendered.error) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The canned response is not a valid template: ${rendered.error}`)
  }
  res.json({ rendered: { body: rendered.body, missing: rendered.missing } })
}
