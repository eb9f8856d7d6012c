import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ticketsOf } from "./undo-ticket-change"

export const deleteTicketMacroStepId = "crm-delete-ticket-macro"

/** Soft-deletes a canned response (an unknown one is a 404); compensation restores it. */
export const deleteTicketMacroStep = createStep(
  deleteTicketMacroStepId,
  async (id: string, { container }) => {
    const tickets = ticketsOf(container)
    await tickets.retrieveTicketMacro(id)
    await tickets.softDeleteTicketMacros([id])
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) {
      await ticketsOf(container).restoreTicketMacros([id])
    }
  }
)
