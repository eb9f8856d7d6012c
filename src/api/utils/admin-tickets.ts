import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { ILoyaltyModuleService } from "../../modules/loyalty/service"
import type TicketsModuleService from "../../modules/tickets/service"
import { TICKET_TRANSITIONS } from "../../modules/tickets/status"
import { slaView } from "../../modules/tickets/ticket-state"
import { CrmModules } from "../../types/modules"
import type { AdminTicket, AdminTicketDetail, TicketDTO } from "../../types/tickets"

const RECENT_ORDERS = 5

const displayIdOf = (order: { display_id?: number | string | null }) =>
  order.display_id === null || order.display_id === undefined ? null : Number(order.display_id)

/**
 * Tickets as staff see them: the SLA at `now`, the customer and the order.
 * Two queries for the whole page (customers, orders), never one per ticket.
 */
export async function toAdminTickets(scope: MedusaContainer, tickets: TicketDTO[], now = new Date()): Promise<AdminTicket[]> {
  if (!tickets.length) {
    return []
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const customerIds = [...new Set(tickets.map((ticket) => ticket.customer_id))]
  const orderIds = [...new Set(tickets.map((ticket) => ticket.order_id).filter((id): id is string => !!id))]
  const [customers, orders] = await Promise.all([
    query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } }),
    orderIds.length
      ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
      : Promise.resolve({ data: [] as { id: string; display_id: number | null }[] }),
  ])
  type Customer = { id: string; email?: string | null; first_name?: string | null; last_name?: string | null }
  const customerById = new Map<string, Customer>(customers.data.map((customer: Customer) => [customer.id, customer] as const))
  // Medusa's generated query types call `display_id` a string in some versions: take either.
  type Order = { id: string; display_id?: number | string | null }
  const orderById = new Map<string, Order>(orders.data.map((order: Order) => [order.id, order] as const))
  return tickets.map((ticket) => {
    const customer = customerById.get(ticket.customer_id)
    const order = ticket.order_id ? orderById.get(ticket.order_id) : undefined
    return {
      ...ticket,
      sla: slaView(ticket, now),
      customer: customer
        ? { id: customer.id, email: customer.email ?? null, first_name: customer.first_name ?? null, last_name: customer.last_name ?? null }
        : null,
      order: order ? { id: order.id, display_id: displayIdOf(order) } : null,
    }
  })
}

/** A ticket with everything staff need beside it: the whole conversation, compensations, the customer's standing and recent orders. */
export async function retrieveAdminTicket(scope: MedusaContainer, id: string): Promise<AdminTicketDetail> {
  const tickets: TicketsModuleService = scope.resolve(CrmModules.TICKETS)
  const [ticket] = (await tickets.listTickets({ id }, { take: 1 })) as unknown as TicketDTO[]
  if (!ticket) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Ticket with id: ${id} was not found`)
  }
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const loyalty: ILoyaltyModuleService = scope.resolve(CrmModules.LOYALTY)
  const [[adminTicket], messages, compensations, account, orders] = await Promise.all([
    toAdminTickets(scope, [ticket]),
    tickets.messagesOf([id], false),
    tickets.compensationsOf([id]),
    loyalty.retrieveAccountByCustomer(ticket.customer_id),
    query.graph({
      entity: "order",
      fields: ["id", "display_id", "status", "total", "currency_code", "created_at"],
      filters: { customer_id: ticket.customer_id },
      pagination: { take: RECENT_ORDERS, order: { created_at: "DESC" } },
    }),
  ])
  const tier = account?.tier_id ? (await loyalty.tierLadder()).find((rung) => rung.id === account.tier_id) : undefined
  return {
    ...adminTicket,
    messages,
    compensations,
    loyalty: account
      ? {
          points_balance: account.points_balance,
          lifetime_points: account.lifetime_points,
          tier: tier ? { id: tier.id, name: tier.name, support_priority: tier.support_priority } : null,
        }
      : null,
    recent_orders: orders.data.map((order) => ({
      id: order.id,
      display_id: displayIdOf(order),
      status: order.status,
      total: order.total === null || order.total === undefined ? null : Number(order.total),
      currency_code: order.currency_code ?? null,
      created_at: order.created_at as Date,
    })),
    allowed_statuses: [...TICKET_TRANSITIONS[ticket.status]],
  }
}
