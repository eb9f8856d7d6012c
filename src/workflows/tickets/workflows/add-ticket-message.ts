import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { AddMessageInput } from "../../../modules/tickets/ticket-actions"
import { TicketEvents } from "../events"
import { addTicketMessageStep } from "../steps/add-ticket-message"
import { statusEvents, ticketEventData } from "../ticket-events"

export const addTicketMessageWorkflowId = "crm-add-ticket-message"

/**
 * A message from the customer or staff (a reply or an internal note).
 * Announces staff's public replies (`crm.ticket.replied`, e-mailed to the
 * customer), the customer's (`crm.ticket.customer_replied`) and any status
 * move it caused.
 */
export const addTicketMessageWorkflow = createWorkflow(addTicketMessageWorkflowId, (input: AddMessageInput) => {
  const added = addTicketMessageStep(input)
  const events = transform({ input, added }, ({ input, added }) => {
    const facts = { ...ticketEventData(added.ticket), message_id: added.message_id }
    const { author_type, internal } = input.message
    return {
      replied: author_type === "user" && !internal ? [facts] : [],
      customer_replied: author_type === "customer" ? [facts] : [],
      ...statusEvents(added.ticket, added.status_change, author_type),
    }
  })
  emitEventStep({ eventName: TicketEvents.REPLIED, data: events.replied }).config({ name: "crm-emit-ticket-replied" })
  emitEventStep({ eventName: TicketEvents.CUSTOMER_REPLIED, data: events.customer_replied }).config({
    name: "crm-emit-ticket-customer-replied",
  })
  emitEventStep({ eventName: TicketEvents.STATUS_CHANGED, data: events.changed }).config({ name: "crm-emit-ticket-message-status" })
  emitEventStep({ eventName: TicketEvents.RESOLVED, data: events.resolved }).config({ name: "crm-emit-ticket-message-resolved" })
  return new WorkflowResponse(added)
})
