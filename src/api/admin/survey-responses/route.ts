import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { surveysOf } from "../../utils/admin-surveys"
import type { AdminGetSurveyResponsesParamsType } from "./validators"

/** The survey answers about an order or from a customer, newest first, each with its survey (and its questions). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSurveyResponsesParamsType>, res: MedusaResponse) => {
  const { limit, ...filter } = req.validatedQuery as AdminGetSurveyResponsesParamsType
  res.json({ survey_responses: await surveysOf(req.scope).surveyResponsesOf(filter, limit) })
}
