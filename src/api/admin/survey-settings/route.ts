import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { surveyLinkBase } from "../../../workflows/surveys/survey-links"
import { updateSurveySettingsWorkflow } from "../../../workflows/surveys/workflows/update-survey-settings"
import { surveysOf } from "../../utils/admin-surveys"
import type { SurveySettingsDTO } from "../../../types/surveys"
import type { AdminUpdateSurveySettingsType } from "./validators"

/** With `effective_link_base_url`: where links point now (null: no absolute URL known, invitations wait). */
const withLinkBase = (req: AuthenticatedMedusaRequest, settings: SurveySettingsDTO) => ({
  ...settings,
  effective_link_base_url: surveyLinkBase(req.scope, settings),
})

/** The frequency cap and the hosted page's name, colours and link base. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ settings: withLinkBase(req, await surveysOf(req.scope).loadSurveySettings()) })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSurveySettingsType>, res: MedusaResponse) => {
  const { result } = await updateSurveySettingsWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ settings: withLinkBase(req, result) })
}
