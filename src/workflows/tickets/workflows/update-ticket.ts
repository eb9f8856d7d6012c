import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ChangeTicketInput } from "../../../modules/tickets/ticket-actions"
import { TicketEvents } from "../events"
import { changeTicketStep } from "../steps/change-ticket"
import { checkAssigneeStep } from "../steps/check-assignee"
import { statusEvents } from "../ticket-events"

export const updateTicketWorkflowId = "crm-update-ticket"

/** Staff change a ticket's status (allowed moves only), priority, category or assignee. */
export const updateTicketWorkflow = createWorkflow(updateTicketWorkflowId, (input: ChangeTicketInput) => {
  checkAssigneeStep({ assignee_id: input.assignee_id })
  const changed = changeTicketStep(input)
  const events = transform({ changed }, ({ changed }) => statusEvents(changed.ticket, changed.status_change, "user"))
  emitEventStep({ eventName: TicketEvents.STATUS_CHANGED, data: events.changed }).config({ name: "crm-emit-ticket-status-changed" })
  emitEventStep({ eventName: TicketEvents.RESOLVED, data: events.resolved }).config({ name: "crm-emit-ticket-resolved" })
  return new WorkflowResponse(changed)
})
