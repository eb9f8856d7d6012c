import {
  createWorkflow,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { LoyaltyEvents } from "../events"
import {
  ensureLoyaltyAccountsStep,
  EnsureLoyaltyAccountsStepInput,
} from "../steps/ensure-loyalty-accounts"

export const ensureLoyaltyAccountsWorkflowId = "crm-ensure-loyalty-accounts"

/**
 * Gives each of the customers a loyalty account, creating only the missing
 * ones; running it again (a re-delivered `customer.created`, a first read)
 * changes nothing. Emits `crm.loyalty.account_created` for new accounts.
 */
export const ensureLoyaltyAccountsWorkflow = createWorkflow(
  ensureLoyaltyAccountsWorkflowId,
  (input: EnsureLoyaltyAccountsStepInput) => {
    const result = ensureLoyaltyAccountsStep(input)

    const createdEvents = transform({ result }, ({ result }) =>
      result.accounts
        .filter((account) => result.created_ids.includes(account.id))
        .map((account) => ({ id: account.id, customer_id: account.customer_id }))
    )
    emitEventStep({
      eventName: LoyaltyEvents.ACCOUNT_CREATED,
      data: createdEvents,
    })

    return new WorkflowResponse(result)
  }
)
