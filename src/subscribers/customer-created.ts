import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { openMemberAccountWorkflow } from "../workflows/loyalty/workflows/open-member-account"

/**
 * A registered customer becomes a loyalty member (account, sign-up bonus);
 * guest-checkout customers do not.
 */
export default async function openLoyaltyAccountOnCustomerCreated({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await openMemberAccountWorkflow(container).run({ input: { customer_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "crm-loyalty-open-account-on-customer-created" },
}
