import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { customerLocale, type CrmEmailInput } from "../../email/steps/render-crm-emails"
import { TICKET_STATUSES, TicketEvents, type TicketAuthorType, type TicketStatus } from "../../../types/tickets"
import { loadEmailCustomer, loadEmailTicket, loadPublicMessage } from "./ticket-email-facts"

export const planTicketStatusChangedEmailStepId = "crm-plan-ticket-status-changed-email"

export type PlanTicketStatusChangedEmailStepInput = {
  /** The ticket. */
  id: string
  /** The status note of this move in the conversation. */
  message_id: string
  /** The status the move led to (the event's, not the ticket's current one, which may have moved on). */
  status: TicketStatus
  from_status: TicketStatus
  actor_type: TicketAuthorType
}

/**
 * The e-mail telling the customer what a status move means for them. None
 * when the customer made the move themselves (their reply reopened it), when
 * nothing changed, or when the status note is not a public message of the
 * ticket (a move staff recorded only internally). Keyed by the status note,
 * so each move is e-mailed once.
 */
export const planTicketStatusChangedEmailStep = createStep(
  planTicketStatusChangedEmailStepId,
  async (input: PlanTicketStatusChangedEmailStepInput, { container }) => {
    const none = () => new StepResponse([] as CrmEmailInput[])
    if (input.actor_type === "customer" || input.status === input.from_status || !TICKET_STATUSES.includes(input.status)) {
      return none()
    }
    const ticket = await loadEmailTicket(container, input.id)
    if (!ticket) {
      return none()
    }
    const note = await loadPublicMessage(container, ticket.id, input.message_id)
    if (!note) {
      return none()
    }
    const customer = await loadEmailCustomer(container, ticket.customer_id)
    if (!customer?.email) {
      return none()
    }
    const email: CrmEmailInput = {
      to: customer.email,
      template: "ticket-status-changed",
      locale: customerLocale(customer),
      data: {
        first_name: customer.first_name ?? null,
        ticket_id: ticket.id,
        display_id: ticket.display_id,
        subject: ticket.subject,
        status: input.status,
        from_status: input.from_status,
        // Handlebars has no equality test: the templates branch on `status_is.<status>`.
        status_is: { [input.status]: true },
        can_rate: input.status === "resolved" && ticket.rating_score == null,
      },
      idempotency_key: `crm:ticket-status:${note.id}`,
      trigger_type: TicketEvents.STATUS_CHANGED,
      resource_id: ticket.id,
      resource_type: "ticket",
      receiver_id: customer.id,
    }
    return new StepResponse([email])
  }
)
