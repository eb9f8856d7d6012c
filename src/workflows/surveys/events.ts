import type { SurveyDetractorEventData } from "../../types/tickets"

export { SurveyEvents } from "../../types/tickets"
export type { SurveyDetractorEventData }

/** `crm.survey.responded`: any stored answer (the detractor event follows for low scores). */
export type SurveyRespondedEventData = {
  response_id: string
  survey_id: string
  invitation_id: string
  customer_id: string
  survey_type: string
  score: number | null
  order_id: string | null
  ticket_id: string | null
}
