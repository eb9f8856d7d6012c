import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { TicketEscalatedEventData } from "../../../types/tickets"
import { TicketEvents } from "../events"
import { escalateBreachesStep } from "../steps/escalate-breaches"
import { ticketEventData } from "../ticket-events"

export const escalateOverdueTicketsWorkflowId = "crm-escalate-overdue-tickets"

/**
 * Escalates up to `limit` tickets per breach kind that are past a due time:
 * priority raised, flagged, a note in the conversation and
 * `crm.ticket.escalated` (which e-mails the escalation address). A breach
 * escalates once, however often the job runs.
 */
export const escalateOverdueTicketsWorkflow = createWorkflow(
  escalateOverdueTicketsWorkflowId,
  (input: { now: Date; limit: number }) => {
    const escalations = escalateBreachesStep(input)
    const events = transform({ escalations }, ({ escalations }) =>
      escalations.map(
        (escalation): TicketEscalatedEventData => ({
          ...ticketEventData(escalation.ticket),
          breach: escalation.breach,
          previous_priority: escalation.previous_priority,
          due_at: new Date(escalation.due_at).toISOString(),
          escalated_at: new Date(
            escalation.breach === "first_response"
              ? (escalation.ticket.first_response_escalated_at as Date)
              : (escalation.ticket.resolution_escalated_at as Date)
          ).toISOString(),
        })
      )
    )
    emitEventStep({ eventName: TicketEvents.ESCALATED, data: events }).config({ name: "crm-emit-tickets-escalated" })
    return new WorkflowResponse(events)
  }
)
