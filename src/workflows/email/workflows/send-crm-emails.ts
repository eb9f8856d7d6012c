import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import type { NotificationDTO } from "@medusajs/framework/types"
import {
  sendNotificationsStep,
  SendNotificationsStepInput,
} from "@medusajs/medusa/core-flows"
import {
  CrmEmailInput,
  renderCrmEmailsStep,
  RenderCrmEmailsStepOutput,
  RenderedCrmEmail,
} from "../steps/render-crm-emails"

export const sendCrmEmailsWorkflowId = "crm-send-emails"

export type SendCrmEmailsWorkflowInput = {
  emails: CrmEmailInput[]
}

export type SendCrmEmailsWorkflowOutput = {
  /** Every e-mail as rendered (also when sending is disabled). */
  emails: RenderedCrmEmail[]
  /** False when `emails.enabled` is off: nothing was handed to the Notification module. */
  sending_enabled: boolean
  /**
   * Notifications created by this run. An e-mail whose idempotency key was
   * already sent is not in it (and not sent again).
   */
  notifications: NotificationDTO[]
}

/** The template data kept on the notification record: all but the `unstored_data` keys. */
const storedData = (email: RenderedCrmEmail): Record<string, unknown> => {
  const unstored = new Set(email.unstored_data ?? [])
  return Object.fromEntries(Object.entries(email.data ?? {}).filter(([key]) => !unstored.has(key)))
}

/**
 * The notifications for Medusa's Notification module: the rendered content
 * plus the template name and data (kept on the notification record), one per
 * idempotency key (a repeated key within the batch would otherwise make the
 * module's unique index fail the whole batch).
 */
const toNotifications = (rendered: RenderCrmEmailsStepOutput): SendNotificationsStepInput => {
  const { channel, from } = rendered.delivery
  const firstPerKey = new Map<string, RenderedCrmEmail>()
  for (const email of rendered.emails) {
    if (!firstPerKey.has(email.idempotency_key)) {
      firstPerKey.set(email.idempotency_key, email)
    }
  }
  return [...firstPerKey.values()].map((email) => ({
    to: email.to,
    channel,
    ...(from ? { from } : {}),
    template: email.template,
    data: { ...storedData(email), locale: email.locale },
    content: email.content,
    idempotency_key: email.idempotency_key,
    trigger_type: email.trigger_type ?? null,
    resource_id: email.resource_id ?? null,
    resource_type: email.resource_type ?? null,
    receiver_id: email.receiver_id ?? null,
  }))
}

/**
 * Renders the plugin's e-mails and sends them through Medusa's Notification
 * module, on the channel of the `emails.channel` option, so whichever
 * notification provider the store has for it (SendGrid, Resend, SMTP...)
 * delivers them. With `emails.enabled: false` it renders and sends nothing.
 *
 * Safe to run again for the same business event (a re-delivered event, a
 * retried job): every e-mail carries an `idempotency_key` and the
 * Notification module sends each key once (it retries only a key whose
 * earlier attempt failed).
 */
export const sendCrmEmailsWorkflow = createWorkflow(
  sendCrmEmailsWorkflowId,
  (input: SendCrmEmailsWorkflowInput) => {
    const rendered = renderCrmEmailsStep(input)

    const notifications = transform({ rendered }, ({ rendered }) => toNotifications(rendered))

    const sent = when(
      "crm-send-emails-when-enabled",
      { rendered, notifications },
      ({ rendered, notifications }) => rendered.delivery.enabled && notifications.length > 0
    ).then(() => sendNotificationsStep(notifications))

    const result = transform(
      { rendered, sent },
      ({ rendered, sent }): SendCrmEmailsWorkflowOutput => ({
        emails: rendered.emails,
        sending_enabled: rendered.delivery.enabled,
        notifications: sent ?? [],
      })
    )

    return new WorkflowResponse(result)
  }
)
