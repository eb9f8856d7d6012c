import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { TicketEvents } from "../events"
import { rateTicketStep, type RateTicketInput } from "../steps/rate-ticket"
import { ticketEventData } from "../ticket-events"

export const rateTicketWorkflowId = "crm-rate-ticket"

/** The customer rates the handling of a resolved ticket (1-5 and a comment), once; `crm.ticket.rated` feeds CSAT. */
export const rateTicketWorkflow = createWorkflow(rateTicketWorkflowId, (input: RateTicketInput) => {
  const ticket = rateTicketStep(input)
  const rated = transform({ ticket }, ({ ticket }) => [
    { ...ticketEventData(ticket), rating_score: ticket.rating_score, rating_comment: ticket.rating_comment },
  ])
  emitEventStep({ eventName: TicketEvents.RATED, data: rated }).config({ name: "crm-emit-ticket-rated" })
  return new WorkflowResponse(ticket)
})
