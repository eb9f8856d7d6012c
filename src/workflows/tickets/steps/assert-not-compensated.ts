import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TicketCompensationType } from "../../../types/tickets"
import { ticketsOf } from "./undo-ticket-change"

export const assertNotCompensatedStepId = "crm-assert-ticket-not-compensated"

/** 404 for an unknown ticket, 409 when it already has this kind of compensation: before anything is given. */
export const assertNotCompensatedStep = createStep(
  assertNotCompensatedStepId,
  async (input: { ticket_id: string; type: TicketCompensationType }, { container }) => {
    await ticketsOf(container).assertNotCompensated(input.ticket_id, input.type)
    return new StepResponse(undefined)
  }
)
