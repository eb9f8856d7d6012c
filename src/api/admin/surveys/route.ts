import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createSurveyWorkflow } from "../../../workflows/surveys/workflows/create-survey"
import { surveysOf, toSurveyDTO } from "../../utils/admin-surveys"
import type { AdminCreateSurveyType, AdminGetSurveysParamsType } from "./validators"

/** Surveys, newest first, each with its invitations and responses so far. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSurveysParamsType>, res: MedusaResponse) => {
  const { limit, offset, q, ...filters } = req.validatedQuery as AdminGetSurveysParamsType
  const surveys = surveysOf(req.scope)
  const [rows, count] = await surveys.listAndCountSurveys(
    { ...filters, ...(q ? { name: { $ilike: `%${q.replace(/[\\%_]/g, "\\$&")}%` } } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }
  )
  const totals = await surveys.surveyTotals(rows.map((row) => row.id))
  res.json({
    surveys: rows.map((row) => {
      const { invitations = 0, responses = 0 } = totals.get(row.id) ?? {}
      return { ...toSurveyDTO(row as any), invitations, responses, response_rate: invitations ? Math.round((responses / invitations) * 1000) / 1000 : null }
    }),
    count,
    limit,
    offset,
  })
}

/** A new survey: 201 with it. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSurveyType>, res: MedusaResponse) => {
  const { result } = await createSurveyWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ survey: toSurveyDTO(result as any) })
}
