import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ReviewsModule from "../modules/reviews"

/** Read-only (the review keeps `order_id`): a verified review's order. */
export default defineLink(
  { linkable: ReviewsModule.linkable.review, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
