import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type TicketsModuleService from "../modules/tickets/service"
import { CrmModules } from "../types/modules"
import type { TicketCategory, TicketStatus } from "../types/tickets"
import { addTicketMessageWorkflow } from "../workflows/tickets/workflows/add-ticket-message"
import { openTicketWorkflow } from "../workflows/tickets/workflows/open-ticket"
import { rateTicketWorkflow } from "../workflows/tickets/workflows/rate-ticket"
import { updateTicketWorkflow } from "../workflows/tickets/workflows/update-ticket"

const DEMO_MACROS: { name: string; category: TicketCategory | null; body: string }[] = [
  {
    name: "Damaged on arrival",
    category: "product_quality",
    body: "Hello {{customer.first_name}},\n\nI am sorry order #{{order.display_id}} arrived damaged. Could you send us a photo? We will send a replacement right away.",
  },
  {
    name: "Where is my parcel",
    category: "logistics",
    body: "Hello {{customer.first_name}},\n\nyour order #{{order.display_id}} is on its way; tracking can lag a day behind. We will keep an eye on it for you.",
  },
  { name: "Refund issued", category: "after_sales", body: "Hello {{customer.first_name}},\n\nwe have issued your refund; it shows on your statement within 5 working days." },
]

/** What the demo's customers write and how far staff got with it. */
const DEMO_TICKETS: { subject: string; category: TicketCategory; message: string; reply?: string; note?: string; then?: TicketStatus; rating?: number }[] = [
  { subject: "Seam came apart", category: "product_quality", message: "The left sleeve came apart after one wash.", note: "Second report about this batch this week.", reply: "Sorry! Could you send a photo of the seam?", then: "pending_customer" },
  { subject: "Parcel not arrived", category: "logistics", message: "Tracking has not moved for five days." },
  { subject: "Charged twice", category: "payment", message: "My card shows two charges for the same order.", reply: "We have refunded the second charge.", then: "resolved", rating: 5 },
  { subject: "Return label", category: "after_sales", message: "How do I get a return label?", reply: "We have e-mailed you a prepaid label.", then: "resolved", rating: 4 },
  { subject: "Wrong size delivered", category: "logistics", message: "I ordered M and received L." },
  { subject: "Colour faded", category: "product_quality", message: "After three washes the colour is much lighter.", reply: "Please wash at 30°C inside out; a replacement is on its way.", then: "closed" },
]

/**
 * A handful of tickets and canned responses for the demo store's admin,
 * through the plugin's workflows, each about one of the customer's orders.
 * Skipped when customers' tickets exist.
 */
export async function seedDemoTickets(container: MedusaContainer, input: { customer_ids: string[] }): Promise<number> {
  const tickets: TicketsModuleService = container.resolve(CrmModules.TICKETS)
  const [, macros] = await tickets.listAndCountTicketMacros({}, { take: 1 })
  if (!macros) {
    await tickets.createTicketMacros(DEMO_MACROS)
  }
  // Low demo reviews may already have opened complaint tickets; the customers' own mark a seeded store.
  const [, existing] = await tickets.listAndCountTickets({ source: "customer" }, { take: 1 })
  if (existing > 0) {
    return 0
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id"],
    filters: { customer_id: input.customer_ids },
  })
  const orderOf = new Map(orders.map((order: { id: string; customer_id: string | null }) => [order.customer_id, order.id] as const))
  const customers = input.customer_ids.filter((id) => orderOf.has(id)).slice(0, DEMO_TICKETS.length)
  for (const [index, customerId] of customers.entries()) {
    const planned = DEMO_TICKETS[index]
    const { result } = await openTicketWorkflow(container).run({
      input: {
        customer_id: customerId,
        subject: planned.subject,
        category: planned.category,
        message: planned.message,
        order_id: orderOf.get(customerId) ?? null,
        source: "customer",
        author_type: "customer",
        author_id: customerId,
      },
    })
    const id = result.ticket.id
    const staff = (body: string, internal: boolean) =>
      addTicketMessageWorkflow(container).run({ input: { ticket_id: id, message: { author_type: "user", author_id: null, body, internal } } })
    if (planned.note) await staff(planned.note, true)
    if (planned.reply) await staff(planned.reply, false)
    if (planned.then === "closed") {
      await updateTicketWorkflow(container).run({ input: { id, status: "resolved", actor_id: null } })
    }
    if (planned.then) {
      await updateTicketWorkflow(container).run({ input: { id, status: planned.then, actor_id: null } })
    }
    if (planned.rating) {
      await rateTicketWorkflow(container).run({ input: { id, customer_id: customerId, score: planned.rating, comment: null } })
    }
  }
  return customers.length
}
