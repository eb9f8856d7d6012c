import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewCompensation } from "../../../modules/tickets/ticket-actions"
import { ticketsOf } from "./undo-ticket-change"

export const recordCompensationStepId = "crm-record-ticket-compensation"

/** Records the compensation on the ticket (one of each kind); compensation removes the record. */
export const recordCompensationStep = createStep(
  recordCompensationStepId,
  async (input: NewCompensation, { container }) => {
    const id = await ticketsOf(container).recordCompensation(input)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (id) {
      await ticketsOf(container).deleteTicketCompensations([id])
    }
  }
)
