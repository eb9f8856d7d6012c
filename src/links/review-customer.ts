import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import ReviewsModule from "../modules/reviews"

/** Read-only (the review keeps `customer_id`): `query.graph` reaches a review's author. */
export default defineLink(
  { linkable: ReviewsModule.linkable.review, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
