import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ticketsOf } from "./undo-ticket-change"

export const closeResolvedTicketsStepId = "crm-close-resolved-tickets"

/** Closes tickets resolved longer ago than the settings' `auto_close_days`; compensation reopens them as resolved. */
export const closeResolvedTicketsStep = createStep(
  closeResolvedTicketsStepId,
  async (input: { now: Date; limit: number }, { container }) => {
    const tickets = ticketsOf(container)
    const settings = await tickets.loadTicketSettings()
    const closures = await tickets.closeResolvedTickets(settings.auto_close_days, new Date(input.now), input.limit)
    return new StepResponse(closures, closures)
  },
  async (closures, { container }) => {
    if (closures?.length) {
      await ticketsOf(container).undoClosures(closures)
    }
  }
)
