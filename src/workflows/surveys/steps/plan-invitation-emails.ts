import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SentInvitation } from "../../../modules/surveys/invitations"
import { customerLocale, type CrmEmailInput } from "../../email/steps/render-crm-emails"
import type { ICrmMailerService } from "../../../modules/mailer/service"
import { CrmModules } from "../../../types/modules"
import { surveyLink, surveyLinkBase } from "../survey-links"
import { invitationEmailKey } from "./claim-due-invitations"
import { surveysOf } from "./surveys-of"

/** What an invitation is about, in the e-mail's language ("your order #1042"); null for a manual send. */
const SOURCE_LABELS: Record<string, Record<"order" | "ticket", (number: number) => string>> = {
  en: { order: (number) => `your order #${number}`, ticket: (number) => `your support request #${number}` },
  "zh-CN": { order: (number) => `您的订单 #${number}`, ticket: (number) => `您的服务请求 #${number}` },
}

function sourceLabel(invitation: SentInvitation, locale: string): string | null {
  if (invitation.source_type === "manual" || invitation.source_display_id === null) {
    return null
  }
  return (SOURCE_LABELS[locale] ?? SOURCE_LABELS.en)[invitation.source_type](invitation.source_display_id)
}

export const planInvitationEmailsStepId = "crm-plan-survey-invitation-emails"

/**
 * One `survey-invitation` e-mail per sent invitation, with its link, in
 * the customer's language. Without an absolute link base it fails (the
 * claim is then undone): a link that does not work is worse than a late one.
 */
export const planInvitationEmailsStep = createStep(
  planInvitationEmailsStepId,
  async (input: { sent: SentInvitation[] }, { container }) => {
    if (!input.sent.length) {
      return new StepResponse([] as CrmEmailInput[])
    }
    const base = surveyLinkBase(container, await surveysOf(container).loadSurveySettings())
    if (!base) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "Survey invitations need an absolute link: set Medusa's admin.backendUrl (MEDUSA_BACKEND_URL) or the survey settings' link_base_url"
      )
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "first_name", "metadata"],
      filters: { id: [...new Set(input.sent.map((invitation) => invitation.customer_id))] },
    })
    type EmailCustomer = { id: string; first_name?: string | null; metadata?: Record<string, unknown> | null }
    const byId = new Map((customers as EmailCustomer[]).map((customer) => [customer.id, customer]))
    const mailer = container.resolve<ICrmMailerService>(CrmModules.MAILER)
    return new StepResponse(
      input.sent.map((invitation): CrmEmailInput => {
        const customer = byId.get(invitation.customer_id)
        const locale = customer ? customerLocale(customer) : null
        return {
          to: invitation.email,
          template: "survey-invitation",
          locale,
          data: {
            customer_first_name: customer?.first_name ?? null,
            survey_name: invitation.survey_name,
            survey_url: surveyLink(base, invitation.token),
            expires_at: new Date(invitation.expires_at).toISOString().slice(0, 10),
            source_label: sourceLabel(invitation, mailer.resolveLocale(locale)),
          },
          idempotency_key: invitationEmailKey(invitation),
          trigger_type: "crm.survey.invitation",
          resource_id: invitation.id,
          resource_type: "survey_invitation",
          receiver_id: invitation.customer_id,
          // The link's token exists only in the e-mail: never in a stored record.
          unstored_data: ["survey_url"],
        }
      })
    )
  }
)
