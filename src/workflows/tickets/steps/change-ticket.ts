import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ChangeTicketInput } from "../../../modules/tickets/ticket-actions"
import { ticketsOf, undoTicketChange } from "./undo-ticket-change"

export const changeTicketStepId = "crm-change-ticket"

/** Staff's change of status, priority, category or assignee, noted in the conversation; compensation takes it back. */
export const changeTicketStep = createStep(
  changeTicketStepId,
  async (input: ChangeTicketInput, { container }) => {
    const { undo, ...result } = await ticketsOf(container).changeTicket(input)
    return new StepResponse(result, undo)
  },
  undoTicketChange
)
