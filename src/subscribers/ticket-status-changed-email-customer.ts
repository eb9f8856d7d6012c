import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { TicketEvents, type TicketStatusChangedEventData } from "../types/tickets"
import { sendTicketStatusChangedEmailWorkflow } from "../workflows/tickets/workflows/send-ticket-status-changed-email"

/** A ticket changed status: the customer hears what it means (once per move; not when they made it). */
export default async function emailCustomerOnTicketStatusChanged({
  event: { data },
  container,
}: SubscriberArgs<TicketStatusChangedEventData>) {
  await sendTicketStatusChangedEmailWorkflow(container).run({
    input: {
      id: data.id,
      message_id: data.message_id,
      status: data.status,
      from_status: data.from_status,
      actor_type: data.actor_type,
    },
  })
}

export const config: SubscriberConfig = {
  event: TicketEvents.STATUS_CHANGED,
  context: { subscriberId: "crm-tickets-email-customer-on-status-changed" },
}
