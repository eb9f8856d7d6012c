import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { higherPriority } from "../../../modules/tickets/ticket-state"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { CrmModules } from "../../../types/modules"
import type { TicketPriority } from "../../../types/tickets"

export const loadStartingPriorityStepId = "crm-load-ticket-starting-priority"

/**
 * A new ticket's priority: what staff chose, else "normal" lifted to the
 * support priority of the customer's tier (a tier with priority support
 * starts its members' tickets higher). Reads only.
 */
export const loadStartingPriorityStep = createStep(
  loadStartingPriorityStepId,
  async (input: { customer_id: string; priority?: TicketPriority | null }, { container }) => {
    if (input.priority) {
      return new StepResponse(input.priority)
    }
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const account = await loyalty.retrieveAccountByCustomer(input.customer_id)
    if (!account?.tier_id) {
      return new StepResponse<TicketPriority>("normal")
    }
    const tier = (await loyalty.tierLadder()).find((rung) => rung.id === account.tier_id)
    return new StepResponse(higherPriority("normal", tier?.support_priority ?? "normal"))
  }
)
