import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendSurveyManuallyWorkflow } from "../../../../../workflows/surveys/workflows/send-survey-manually"
import { retrieveAdminSurvey } from "../../../../utils/admin-surveys"
import type { AdminSendSurveyType } from "../../validators"

/**
 * Sends the survey to customers now: invitations due at once, e-mailed by
 * the send job within a minute. `invitations` made, `skipped` for
 * customers without an e-mail, already waiting, or within the frequency cap.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSendSurveyType>, res: MedusaResponse) => {
  await retrieveAdminSurvey(req.scope, req.params.id)
  const { result } = await sendSurveyManuallyWorkflow(req.scope).run({ input: { ...req.validatedBody, survey_id: req.params.id } })
  res.json(result)
}
