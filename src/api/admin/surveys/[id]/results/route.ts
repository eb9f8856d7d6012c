import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type TicketsModuleService from "../../../../../modules/tickets/service"
import { CrmModules } from "../../../../../types/modules"
import type { SurveyResultsDTO } from "../../../../../types/surveys"
import { retrieveAdminSurvey, surveysOf } from "../../../../utils/admin-surveys"
import type { AdminGetSurveyResultsParamsType } from "../../validators"

/**
 * A survey's results over whole UTC days `from`..`to` (open ends: all
 * time): counts from the per-day counters, the latest free-text answers
 * with their customers, and the resolved tickets' CSAT alongside.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSurveyResultsParamsType>, res: MedusaResponse) => {
  const params = req.validatedQuery as AdminGetSurveyResultsParamsType
  const survey = await retrieveAdminSurvey(req.scope, req.params.id)
  const period = { from: params.from ?? null, to: params.to ?? null }
  const tickets: TicketsModuleService = req.scope.resolve(CrmModules.TICKETS)
  const [counts, ticketCsat] = await Promise.all([
    surveysOf(req.scope).surveyCounts(survey, { ...period, interval: params.interval, answers_limit: params.answers_limit, answers_offset: params.answers_offset }),
    tickets.ticketRatings(period),
  ])
  const customerIds = [...new Set(counts.answers.map((answer) => answer.customer_id))]
  type AnswerCustomer = { id: string; email: string | null; first_name: string | null; last_name: string | null }
  const customers: AnswerCustomer[] = customerIds.length
    ? ((
        await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "customer",
          fields: ["id", "email", "first_name", "last_name"],
          filters: { id: customerIds },
        })
      ).data as AnswerCustomer[])
    : []
  const byId = new Map(customers.map((customer) => [customer.id, customer]))
  const results: SurveyResultsDTO = {
    ...counts,
    answers: counts.answers.map((answer) => {
      const customer = byId.get(answer.customer_id)
      return {
        ...answer,
        customer: customer ? { email: customer.email ?? null, first_name: customer.first_name ?? null, last_name: customer.last_name ?? null } : null,
      }
    }),
    ticket_csat: ticketCsat,
  }
  res.json({ results })
}
