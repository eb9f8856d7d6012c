import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { TicketStatusChangedEventData } from "../../../types/tickets"
import { TicketEvents } from "../events"
import { closeResolvedTicketsStep } from "../steps/close-resolved-tickets"
import { ticketEventData } from "../ticket-events"

export const closeResolvedTicketsWorkflowId = "crm-close-resolved-tickets"

/** Closes up to `limit` tickets resolved more than `auto_close_days` ago; each closure is announced (and e-mailed). */
export const closeResolvedTicketsWorkflow = createWorkflow(closeResolvedTicketsWorkflowId, (input: { now: Date; limit: number }) => {
  const closures = closeResolvedTicketsStep(input)
  const events = transform({ closures }, ({ closures }) =>
    closures.map(
      (closure): TicketStatusChangedEventData => ({
        ...ticketEventData(closure.ticket),
        from_status: "resolved",
        message_id: closure.message_id,
        actor_type: "system",
      })
    )
  )
  emitEventStep({ eventName: TicketEvents.STATUS_CHANGED, data: events }).config({ name: "crm-emit-tickets-auto-closed" })
  return new WorkflowResponse(events)
})
