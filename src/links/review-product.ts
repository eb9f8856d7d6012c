import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import ReviewsModule from "../modules/reviews"

/** Read-only (the review keeps `product_id`): `query.graph` reaches a review's product. */
export default defineLink(
  { linkable: ReviewsModule.linkable.review, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
