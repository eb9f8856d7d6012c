import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { TicketEvents, type TicketRepliedEventData } from "../types/tickets"
import { sendTicketRepliedEmailWorkflow } from "../workflows/tickets/workflows/send-ticket-replied-email"

/** Staff replied on a ticket: the customer gets the reply by e-mail (once per reply). */
export default async function emailCustomerOnTicketReplied({ event: { data }, container }: SubscriberArgs<TicketRepliedEventData>) {
  await sendTicketRepliedEmailWorkflow(container).run({ input: { id: data.id, message_id: data.message_id } })
}

export const config: SubscriberConfig = {
  event: TicketEvents.REPLIED,
  context: { subscriberId: "crm-tickets-email-customer-on-replied" },
}
