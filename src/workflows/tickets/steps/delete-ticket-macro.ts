import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type TicketsModuleService from "../../../modules/tickets/service"
import { CrmModules } from "../../../types/modules"

export const deleteTicketMacroStepId = "crm-delete-ticket-macro"

/** Soft-deletes a canned response (an unknown one is a 404); compensation restores it. */
export const deleteTicketMacroStep = createStep(
  deleteTicketMacroStepId,
  async (id: string, { container }) => {
    const tickets: TicketsModuleService = container.resolve(CrmModules.TICKETS)
    await tickets.retrieveTicketMacro(id)
    await tickets.softDeleteTicketMacros([id])
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<TicketsModuleService>(CrmModules.TICKETS).restoreTicketMacros([id])
    }
  }
)
