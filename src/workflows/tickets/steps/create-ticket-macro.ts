import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TicketCategory, TicketMacroDTO } from "../../../types/tickets"
import { assertValidMacroBody } from "./validate-ticket-macro-body"
import { ticketsOf } from "./undo-ticket-change"

export const createTicketMacroStepId = "crm-create-ticket-macro"

export type CreateTicketMacroInput = { name: string; category?: TicketCategory | null; body: string }

/** Adds a canned response to the case library; compensation deletes it. */
export const createTicketMacroStep = createStep(
  createTicketMacroStepId,
  async (input: CreateTicketMacroInput, { container }) => {
    assertValidMacroBody(input.body)
    const tickets = ticketsOf(container)
    const macro = (await tickets.createTicketMacros({ ...input, category: input.category ?? null })) as unknown as TicketMacroDTO
    return new StepResponse(macro, macro.id)
  },
  async (id, { container }) => {
    if (id) {
      await ticketsOf(container).deleteTicketMacros([id])
    }
  }
)
