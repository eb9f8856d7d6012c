import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TicketCategory, TicketMacroDTO } from "../../../types/tickets"
import { assertValidMacroBody } from "./validate-ticket-macro-body"
import { ticketsOf } from "./undo-ticket-change"

export const updateTicketMacroStepId = "crm-update-ticket-macro"

export type UpdateTicketMacroInput = { id: string; name?: string; category?: TicketCategory | null; body?: string }

const EDITABLE = ["name", "category", "body"] as const

/** Changes a canned response (an unknown one is a 404); compensation writes back the fields it changed. */
export const updateTicketMacroStep = createStep(
  updateTicketMacroStepId,
  async (input: UpdateTicketMacroInput, { container }) => {
    assertValidMacroBody(input.body)
    const tickets = ticketsOf(container)
    const before = (await tickets.retrieveTicketMacro(input.id)) as unknown as TicketMacroDTO
    const previous: Partial<TicketMacroDTO> & { id: string } = { id: before.id }
    for (const field of EDITABLE) {
      if (input[field] !== undefined) {
        Object.assign(previous, { [field]: before[field] })
      }
    }
    const macro = (await tickets.updateTicketMacros(input)) as unknown as TicketMacroDTO
    return new StepResponse(macro, previous)
  },
  async (previous, { container }) => {
    if (previous && Object.keys(previous).length > 1) {
      await ticketsOf(container).updateTicketMacros(previous)
    }
  }
)
