export { TicketEvents } from "../../types/tickets"
export type {
  TicketEventData,
  TicketRepliedEventData,
  TicketStatusChangedEventData,
  TicketEscalatedEventData,
  SurveyDetractorEventData,
} from "../../types/tickets"
