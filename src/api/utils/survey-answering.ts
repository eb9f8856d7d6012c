import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { ICrmMailerService } from "../../modules/mailer/service"
import { GONE_MESSAGES, invitationState, type TokenInvitation } from "../../modules/surveys/responses"
import { CrmErrorTypes } from "../../types/errors"
import { CrmModules } from "../../types/modules"
import type { SurveySettingsDTO } from "../../types/surveys"
import { surveysOf } from "./admin-surveys"

/**
 * The invitation of a link that can still be answered: an unknown token is
 * not found (404), an expired one gone (410), a used one gone too when
 * reading (410) and a conflict when answering (409: a second answer).
 */
export async function openInvitation(scope: MedusaContainer, token: string, intent: "read" | "answer", now = new Date()): Promise<TokenInvitation> {
  const invitation = await surveysOf(scope).invitationByToken(token)
  if (!invitation) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "This survey link is not valid")
  }
  const state = invitationState(invitation, now)
  if (state === "answered" && intent === "answer") {
    throw new MedusaError(MedusaError.Types.CONFLICT, "This survey has already been answered")
  }
  if (state !== "open") {
    throw new MedusaError(CrmErrorTypes.GONE as any, GONE_MESSAGES[state])
  }
  return invitation
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
