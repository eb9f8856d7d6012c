import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { parseBirthday } from "../../../modules/loyalty/ledger/birthday"
import type { LoyaltyAccountDTO } from "../../../types/loyalty"
import { syncBirthdayStep } from "../steps/sync-birthday"

export const syncCustomerBirthdayWorkflowId = "crm-sync-customer-birthday"

/** The customer's `metadata.birthday` onto their loyalty account, if they have one. */
export const syncCustomerBirthdayWorkflow = createWorkflow(
  syncCustomerBirthdayWorkflowId,
  (input: { customer_id: string }) => {
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "metadata"],
      filters: { id: input.customer_id },
    }).config({ name: "crm-birthday-get-customer" })
    const { data: accounts } = useQueryGraphStep({
      entity: "loyalty_account",
      fields: ["id", "birthday", "birthday_set_at"],
      filters: { customer_id: input.customer_id },
    }).config({ name: "crm-birthday-get-account" })
    const birthday = transform({ customers }, ({ customers }) => parseBirthday(customers[0]?.metadata?.birthday))
    const synced = syncBirthdayStep({
      account: transform({ accounts }, ({ accounts }) => accounts[0] as unknown as LoyaltyAccountDTO | undefined),
      birthday,
    })
    return new WorkflowResponse(synced)
  }
)
