import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { syncCustomerBirthdayWorkflow } from "../workflows/loyalty/workflows/sync-customer-birthday"

/** Keeps the account's birthday (for the birthday bonus) in step with the customer. */
export default async function syncBirthdayOnCustomerUpdated({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await syncCustomerBirthdayWorkflow(container).run({ input: { customer_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.updated",
  context: { subscriberId: "crm-loyalty-sync-birthday-on-customer-updated" },
}
