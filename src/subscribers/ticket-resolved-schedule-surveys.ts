import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { TicketEvents, type TicketEventData } from "../types/tickets"
import { scheduleTicketSurveysWorkflow } from "../workflows/surveys/workflows/schedule-ticket-surveys"

/** A resolved ticket schedules its "ticket_resolved" surveys (once per ticket and survey). */
export default async function scheduleSurveysOnTicketResolved({ event: { data }, container }: SubscriberArgs<TicketEventData>) {
  await scheduleTicketSurveysWorkflow(container).run({ input: { ticket: data } })
}

export const config: SubscriberConfig = {
  event: TicketEvents.RESOLVED,
  context: { subscriberId: "crm-surveys-schedule-on-ticket-resolved" },
}
