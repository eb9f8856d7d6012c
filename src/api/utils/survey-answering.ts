import type { MedusaContainer } from "@medusajs/framework/types"
import type { ICrmMailerService } from "../../modules/mailer/service"
import { linkError, linkProblem, type TokenInvitation } from "../../modules/surveys/responses"
import { CrmModules } from "../../types/modules"
import type { SurveySettingsDTO } from "../../types/surveys"
import { surveysOf } from "./admin-surveys"

/** The invitation of a link that can still be used; otherwise its `linkError` (404, 410, or 409 for a second answer). */
export async function openInvitation(scope: MedusaContainer, token: string, intent: "read" | "answer", now = new Date()): Promise<TokenInvitation> {
  const invitation = await surveysOf(scope).invitationByToken(token)
  const problem = linkProblem(invitation, intent, now)
  if (problem) {
    throw linkError(problem)
  }
  return invitation!
}

/** How a survey page looks: the settings' store name (else the e-mails' one) and colours. */
export async function surveyBranding(scope: MedusaContainer): Promise<Pick<SurveySettingsDTO, "brand_color" | "background_color" | "text_color"> & { store_name: string }> {
  const settings = await surveysOf(scope).loadSurveySettings()
  return {
    store_name: settings.store_name ?? scope.resolve<ICrmMailerService>(CrmModules.MAILER).getStoreIdentity().store_name,
    brand_color: settings.brand_color,
    background_color: settings.background_color,
    text_color: settings.text_color,
  }
}
