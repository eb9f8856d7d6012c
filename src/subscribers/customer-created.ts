import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ensureLoyaltyAccountsWorkflow } from "../workflows/loyalty/workflows/ensure-loyalty-accounts"

/** Opens the loyalty account of every new customer. */
export default async function openLoyaltyAccountOnCustomerCreated({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await ensureLoyaltyAccountsWorkflow(container).run({
    input: { customer_ids: [data.id] },
  })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "crm-loyalty-open-account-on-customer-created" },
}
