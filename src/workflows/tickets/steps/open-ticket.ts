import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OpenTicketInput } from "../../../modules/tickets/ticket-actions"
import { ticketsOf, undoTicketChange } from "./undo-ticket-change"

export const openTicketStepId = "crm-open-ticket"

/** Writes the ticket and its first message (or finds the one already opened from the same source); compensation deletes it. */
export const openTicketStep = createStep(
  openTicketStepId,
  async (input: OpenTicketInput, { container }) => {
    const { ticket, created, undo } = await ticketsOf(container).openTicket(input)
    return new StepResponse({ ticket, created }, undo)
  },
  undoTicketChange
)
