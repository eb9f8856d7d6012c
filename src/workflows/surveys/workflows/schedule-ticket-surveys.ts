import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { TicketEventData } from "../../../types/tickets"
import { planTicketInvitationsStep } from "../steps/plan-triggered-invitations"
import { scheduleInvitationsStep } from "../steps/schedule-invitations"

export const scheduleTicketSurveysWorkflowId = "crm-schedule-ticket-surveys"

/** A resolved ticket schedules each active "ticket_resolved" survey's invitation, once per ticket (a second resolution adds none). */
export const scheduleTicketSurveysWorkflow = createWorkflow(
  scheduleTicketSurveysWorkflowId,
  (input: { ticket: TicketEventData; resolved_at?: Date | string }) => {
    const resolvedAt = transform({ input }, ({ input }) => input.resolved_at ?? new Date())
    const invitations = planTicketInvitationsStep({ ticket: input.ticket, resolved_at: resolvedAt })
    return new WorkflowResponse(scheduleInvitationsStep(invitations))
  }
)
