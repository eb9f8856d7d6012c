import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Escalation } from "../../../modules/tickets/ticket-sweeps"
import { SLA_BREACHES } from "../../../types/tickets"
import { ticketsOf } from "./undo-ticket-change"

export const escalateBreachesStepId = "crm-escalate-ticket-breaches"

/** Escalates the tickets past a due time, each breach once; compensation takes the escalations back for the next run. */
export const escalateBreachesStep = createStep(
  escalateBreachesStepId,
  async (input: { now: Date; limit: number }, { container }) => {
    const tickets = ticketsOf(container)
    const escalations: Escalation[] = []
    for (const breach of SLA_BREACHES) {
      escalations.push(...(await tickets.escalateBreaches(breach, new Date(input.now), input.limit)))
    }
    return new StepResponse(escalations, escalations)
  },
  async (escalations, { container }) => {
    if (escalations?.length) {
      await ticketsOf(container).undoEscalations(escalations)
    }
  }
)
