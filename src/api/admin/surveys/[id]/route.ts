import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteSurveyWorkflow } from "../../../../workflows/surveys/workflows/delete-survey"
import { updateSurveyWorkflow } from "../../../../workflows/surveys/workflows/update-survey"
import { retrieveAdminSurvey, toSurveyDTO } from "../../../utils/admin-surveys"
import { answeringConflicts } from "../../../utils/conflict"
import type { AdminUpdateSurveyType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ survey: await retrieveAdminSurvey(req.scope, req.params.id) })
}

/** Changes a survey; 409 when a survey with answers would change type. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSurveyType>, res: MedusaResponse) => {
  await retrieveAdminSurvey(req.scope, req.params.id)
  let survey: unknown
  const done = await answeringConflicts(res, async () => {
    const { result } = await updateSurveyWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
    survey = result
  })
  if (done) {
    res.json({ survey: toSurveyDTO(survey as any) })
  }
}

/** Deletes a survey (answers and results are kept): the survey as it was, `deleted: true`. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await retrieveAdminSurvey(req.scope, req.params.id)
  const { result } = await deleteSurveyWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ survey: toSurveyDTO(result as any), id: req.params.id, object: "survey", deleted: true })
}
