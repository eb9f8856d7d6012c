import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ticketsOf, undoTicketChange } from "./undo-ticket-change"

export const rateTicketStepId = "crm-rate-ticket"

export type RateTicketInput = { id: string; customer_id: string; score: number; comment: string | null }

/** The customer's rating of the handling (CSAT), once per ticket; compensation removes it. */
export const rateTicketStep = createStep(
  rateTicketStepId,
  async (input: RateTicketInput, { container }) => {
    const { ticket, undo } = await ticketsOf(container).rateTicket(input)
    return new StepResponse(ticket, undo)
  },
  undoTicketChange
)
