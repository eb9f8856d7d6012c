import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { upgradeTiers } from "../workflows/tiers/evaluate-and-follow-up"
import { openMemberAccountWorkflow } from "../workflows/loyalty/workflows/open-member-account"

/**
 * A registered customer becomes a loyalty member (account, sign-up bonus)
 * and takes their place on the tier ladder (the lowest tier, and its
 * customer group); guest-checkout customers do not.
 */
export default async function openLoyaltyAccountOnCustomerCreated({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  await openMemberAccountWorkflow(container).run({ input: { customer_id: data.id } })
  await upgradeTiers(container, [data.id], "signup")
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "crm-loyalty-open-account-on-customer-created" },
}
