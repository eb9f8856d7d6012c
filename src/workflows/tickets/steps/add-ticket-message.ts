import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AddMessageInput } from "../../../modules/tickets/ticket-actions"
import { ticketsOf, undoTicketChange } from "./undo-ticket-change"

export const addTicketMessageStepId = "crm-add-ticket-message"

/** A message on the ticket and the status and clock changes it brings; compensation takes both back. */
export const addTicketMessageStep = createStep(
  addTicketMessageStepId,
  async (input: AddMessageInput, { container }) => {
    const { undo, ...result } = await ticketsOf(container).addTicketMessage(input)
    return new StepResponse(result, undo)
  },
  undoTicketChange
)
