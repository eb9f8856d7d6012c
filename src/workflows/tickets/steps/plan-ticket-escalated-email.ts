import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ICrmMailerService } from "../../../modules/mailer/service"
import { CrmModules } from "../../../types/modules"
import { SLA_BREACHES, TicketEvents, type SlaBreach, type TicketPriority } from "../../../types/tickets"
import type { CrmEmailInput } from "../../email/steps/render-crm-emails"
import { loadEmailCustomer, loadEmailTicket } from "./ticket-email-facts"
import { ticketsOf } from "./undo-ticket-change"

export const planTicketEscalatedEmailStepId = "crm-plan-ticket-escalated-email"

export type PlanTicketEscalatedEmailStepInput = {
  /** The ticket. */
  id: string
  breach: SlaBreach
  /** The priority after the escalation. */
  priority: TicketPriority
  previous_priority: TicketPriority
  due_at: string
  escalated_at: string
}

/**
 * The admin's address, when Medusa's config knows it: `admin.backendUrl` (or
 * MEDUSA_BACKEND_URL) as an absolute URL plus `admin.path`, and the admin not
 * disabled. The default backendUrl "/" is relative: no link then.
 */
function adminUrl(container: MedusaContainer): string | null {
  const { admin } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  if (!admin || admin.disable || !admin.backendUrl) {
    return null
  }
  try {
    const base = new URL(admin.backendUrl)
    if (base.protocol !== "http:" && base.protocol !== "https:") {
      return null
    }
    return `${base.href.replace(/\/+$/, "")}/${(admin.path ?? "/app").replace(/^\/+|\/+$/g, "")}`
  } catch {
    return null
  }
}

/** A point in time for the team, in the store's time zone (UTC without business hours). */
function formatInstant(value: string, locale: string, timeZone: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) {
    return value
  }
  const options: Intl.DateTimeFormatOptions = {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date)
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(date)
  }
}

const customerName = (customer: { first_name: string | null; last_name: string | null } | null) =>
  [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || null

/**
 * The e-mail telling the store's team that a ticket missed a target: to the
 * settings' `escalation_email` (none when it is not set), in the plugin's
 * default locale. Keyed by ticket and breach: each breach is reported once.
 */
export const planTicketEscalatedEmailStep = createStep(
  planTicketEscalatedEmailStepId,
  async (input: PlanTicketEscalatedEmailStepInput, { container }) => {
    const none = () => new StepResponse([] as CrmEmailInput[])
    if (!SLA_BREACHES.includes(input.breach)) {
      return none()
    }
    const settings = await ticketsOf(container).loadTicketSettings()
    if (!settings.escalation_email?.trim()) {
      return none()
    }
    const ticket = await loadEmailTicket(container, input.id)
    if (!ticket) {
      return none()
    }
    const customer = await loadEmailCustomer(container, ticket.customer_id)
    const mailer: ICrmMailerService = container.resolve(CrmModules.MAILER)
    const locale = mailer.resolveLocale(null)
    const timeZone = settings.business_hours?.time_zone ?? "UTC"
    const email: CrmEmailInput = {
      to: settings.escalation_email,
      template: "ticket-escalated",
      locale,
      data: {
        ticket_id: ticket.id,
        display_id: ticket.display_id,
        subject: ticket.subject,
        customer_name: customerName(customer),
        customer_email: customer?.email ?? null,
        breach: input.breach,
        // Handlebars has no equality test: the templates branch on `*_is.<value>`.
        breach_is: { [input.breach]: true },
        priority: input.priority,
        priority_is: { [input.priority]: true },
        previous_priority: input.previous_priority,
        previous_priority_is: { [input.previous_priority]: true },
        priority_raised: input.priority !== input.previous_priority,
        due_at: formatInstant(input.due_at, locale, timeZone),
        escalated_at: formatInstant(input.escalated_at, locale, timeZone),
        admin_url: adminUrl(container),
        // The footer tells a team address, not a customer, why it gets this.
        staff_notice: true,
      },
      idempotency_key: `crm:ticket-escalated:${ticket.id}:${input.breach}`,
      trigger_type: TicketEvents.ESCALATED,
      resource_id: ticket.id,
      resource_type: "ticket",
      receiver_id: null,
    }
    return new StepResponse([email])
  }
)
