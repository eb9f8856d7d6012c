import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TicketDTO } from "../../../types/tickets"
import { ticketsOf } from "./undo-ticket-change"

export const loadTicketStepId = "crm-load-ticket"

/** The ticket (404 when unknown). Reads only. */
export const loadTicketStep = createStep(loadTicketStepId, async (input: { id: string }, { container }) => {
  const ticket = await ticketsOf(container).retrieveTicket(input.id)
  return new StepResponse(ticket as unknown as TicketDTO)
})
