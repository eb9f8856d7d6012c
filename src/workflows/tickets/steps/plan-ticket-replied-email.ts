import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { customerLocale, type CrmEmailInput } from "../../email/steps/render-crm-emails"
import { TicketEvents } from "../../../types/tickets"
import { loadEmailCustomer, loadEmailTicket, loadPublicMessage } from "./ticket-email-facts"

export const planTicketRepliedEmailStepId = "crm-plan-ticket-replied-email"

export type PlanTicketRepliedEmailStepInput = {
  /** The ticket. */
  id: string
  /** The staff reply to send. */
  message_id: string
}

/**
 * The e-mail carrying a staff reply to the ticket's customer: only a public
 * message of that ticket written by staff (never an internal note, never
 * the customer's own words), and only to a customer with an e-mail address.
 * Keyed by the message, so each reply is e-mailed once.
 */
export const planTicketRepliedEmailStep = createStep(
  planTicketRepliedEmailStepId,
  async (input: PlanTicketRepliedEmailStepInput, { container }) => {
    const none = () => new StepResponse([] as CrmEmailInput[])
    const ticket = await loadEmailTicket(container, input.id)
    if (!ticket) {
      return none()
    }
    const message = await loadPublicMessage(container, ticket.id, input.message_id)
    if (!message || message.author_type === "customer") {
      return none()
    }
    const customer = await loadEmailCustomer(container, ticket.customer_id)
    if (!customer?.email) {
      return none()
    }
    const email: CrmEmailInput = {
      to: customer.email,
      template: "ticket-replied",
      locale: customerLocale(customer),
      data: {
        first_name: customer.first_name ?? null,
        ticket_id: ticket.id,
        display_id: ticket.display_id,
        subject: ticket.subject,
        reply: message.body,
      },
      idempotency_key: `crm:ticket-replied:${message.id}`,
      trigger_type: TicketEvents.REPLIED,
      resource_id: ticket.id,
      resource_type: "ticket",
      receiver_id: customer.id,
    }
    return new StepResponse([email])
  }
)
