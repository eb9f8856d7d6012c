import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { OpenTicketInput } from "../../../modules/tickets/ticket-actions"
import type { TicketAuthorType, TicketCategory, TicketPriority, TicketSource } from "../../../types/tickets"
import { TicketEvents } from "../events"
import { checkAssigneeStep } from "../steps/check-assignee"
import { checkTicketSubjectStep } from "../steps/check-ticket-subject"
import { loadStartingPriorityStep } from "../steps/load-starting-priority"
import { openTicketStep } from "../steps/open-ticket"
import { ticketEventData } from "../ticket-events"

export const openTicketWorkflowId = "crm-open-ticket"

export type OpenTicketWorkflowInput = {
  customer_id: string
  subject: string
  category: TicketCategory
  /** The first message. */
  message: string
  order_id?: string | null
  product_id?: string | null
  /** Staff's choice; otherwise "normal", lifted by the customer's tier. */
  priority?: TicketPriority | null
  source: TicketSource
  source_id?: string | null
  /** Who wrote the first message: the customer (store, review, survey) or a user (staff opening it for them). */
  author_type: TicketAuthorType
  author_id: string | null
  assignee_id?: string | null
}

/**
 * Opens a ticket with its first message: the order must be the customer's,
 * the priority follows their tier, the SLA deadlines start. A second open
 * from the same review or survey answer returns the first ticket and
 * announces nothing (`created: false`).
 */
export const openTicketWorkflow = createWorkflow(openTicketWorkflowId, (input: OpenTicketWorkflowInput) => {
  checkTicketSubjectStep({ customer_id: input.customer_id, order_id: input.order_id, product_id: input.product_id })
  checkAssigneeStep({ assignee_id: input.assignee_id })
  const priority = loadStartingPriorityStep({ customer_id: input.customer_id, priority: input.priority })
  const ticketInput = transform({ input, priority }, ({ input, priority }): OpenTicketInput => ({
    customer_id: input.customer_id,
    subject: input.subject,
    category: input.category,
    priority,
    order_id: input.order_id ?? null,
    product_id: input.product_id ?? null,
    source: input.source,
    source_id: input.source_id ?? null,
    assignee_id: input.assignee_id ?? null,
    message: { author_type: input.author_type, author_id: input.author_id, body: input.message, internal: false },
  }))
  const opened = openTicketStep(ticketInput)
  const created = transform({ opened }, ({ opened }) => (opened.created ? [ticketEventData(opened.ticket)] : []))
  emitEventStep({ eventName: TicketEvents.CREATED, data: created }).config({ name: "crm-emit-ticket-created" })
  return new WorkflowResponse(opened)
})
