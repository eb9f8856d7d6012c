import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { TicketEvents, type TicketEscalatedEventData } from "../types/tickets"
import { sendTicketEscalatedEmailWorkflow } from "../workflows/tickets/workflows/send-ticket-escalated-email"

/** A ticket missed a target: the store's team is e-mailed at the escalation address (once per breach). */
export default async function emailStaffOnTicketEscalated({ event: { data }, container }: SubscriberArgs<TicketEscalatedEventData>) {
  await sendTicketEscalatedEmailWorkflow(container).run({
    input: {
      id: data.id,
      breach: data.breach,
      priority: data.priority,
      previous_priority: data.previous_priority,
      due_at: data.due_at,
      escalated_at: data.escalated_at,
    },
  })
}

export const config: SubscriberConfig = {
  event: TicketEvents.ESCALATED,
  context: { subscriberId: "crm-tickets-email-staff-on-escalated" },
}
