import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import LoyaltyModule from "../modules/loyalty"

/**
 * Read-only link (no pivot table): the account keeps `customer_id` itself,
 * and `query.graph` can reach the customer from the account.
 */
export default defineLink(
  { linkable: LoyaltyModule.linkable.loyaltyAccount, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
