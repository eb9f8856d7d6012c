import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ReviewsModule from "../modules/reviews"

/** Read-only (the review keeps `order_line_item_id`): a verified review's purchased line. */
export default defineLink(
  { linkable: ReviewsModule.linkable.review, field: "order_line_item_id" },
  OrderModule.linkable.orderLineItem,
  { readOnly: true }
)
