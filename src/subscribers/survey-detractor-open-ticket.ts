import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { SurveyEvents } from "../types/tickets"
import type { SurveyDetractorEventData } from "../workflows/tickets/events"
import { openTicketFromSurveyWorkflow } from "../workflows/tickets/workflows/open-ticket-from-survey"

/** A detractor's survey answer opens a ticket linked to the response (once per response). */
export default async function openTicketOnSurveyDetractor({ event: { data }, container }: SubscriberArgs<SurveyDetractorEventData>) {
  await openTicketFromSurveyWorkflow(container).run({ input: data })
}

export const config: SubscriberConfig = {
  event: SurveyEvents.DETRACTOR,
  context: { subscriberId: "crm-tickets-open-on-survey-detractor" },
}
