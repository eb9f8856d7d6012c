import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type {
  CrmEmailDeliverySettings,
  ICrmMailerService,
} from "../../../modules/mailer/service"
import { CrmModules } from "../../../types/modules"

export const renderCrmEmailsStepId = "crm-render-emails"

/** One e-mail to render and send. */
export type CrmEmailInput = {
  /** Recipient address. */
  to: string
  /** Template folder name, e.g. "loyalty-welcome". */
  template: string
  /** Template data; HTML-escaped in the HTML part. Stored with the notification. */
  data?: Record<string, unknown>
  /** The customer's locale; the plugin's `default_locale` when absent or unknown. */
  locale?: string | null
  /**
   * Sends this e-mail at most once: Medusa's Notification module skips a
   * notification whose key it has already sent. Derive it from the business
   * event, e.g. `crm:loyalty-welcome:<account id>`. Keys share the Notification
   * module's namespace with every other notification of the store.
   */
  idempotency_key: string
  /** Recorded on the notification, e.g. the event name. */
  trigger_type?: string | null
  resource_id?: string | null
  resource_type?: string | null
  /** Id of the receiving customer or user. */
  receiver_id?: string | null
  /**
   * Data keys rendered into the e-mail but left out of the stored
   * notification record: secrets such as a survey link carrying its token.
   */
  unstored_data?: string[]
}

/** A customer's locale for `CrmEmailInput.locale`: `metadata.locale` when the storefront set one. */
export const customerLocale = (customer: { metadata?: Record<string, unknown> | null }) =>
  typeof customer.metadata?.locale === "string" ? customer.metadata.locale : null

export type RenderCrmEmailsStepInput = {
  emails: CrmEmailInput[]
}

export type RenderedCrmEmail = CrmEmailInput & {
  /** The locale it was rendered in. */
  locale: string
  content: { subject: string; html: string; text: string }
}

export type RenderCrmEmailsStepOutput = {
  emails: RenderedCrmEmail[]
  /** From the plugin options: whether and how the e-mails are sent. */
  delivery: CrmEmailDeliverySettings
}

/**
 * Renders a batch of e-mails with the CRM mailer (subject, HTML, text, in
 * each e-mail's locale). Fails before anything is sent if any e-mail lacks
 * a recipient, an idempotency key or a template. Reads only: nothing to
 * compensate.
 */
export const renderCrmEmailsStep = createStep(
  renderCrmEmailsStepId,
  async (input: RenderCrmEmailsStepInput, { container }) => {
    const mailer: ICrmMailerService = container.resolve(CrmModules.MAILER)

    const emails = (input.emails ?? []).map((email, index): RenderedCrmEmail => {
      if (!email.to?.trim() || !email.idempotency_key?.trim()) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `medusa-plugin-crm: e-mail #${index} ("${email.template}") needs "to" and "idempotency_key"`
        )
      }
      const { locale, ...content } = mailer.render(email.template, email.data ?? {}, {
        locale: email.locale,
      })
      return { ...email, to: email.to.trim(), locale, content }
    })

    const result: RenderCrmEmailsStepOutput = {
      emails,
      delivery: mailer.getDeliverySettings(),
    }
    return new StepResponse(result)
  }
)
