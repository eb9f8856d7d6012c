export { ReviewEvents } from "../../types/reviews"

/** `crm.review.created` / `crm.review.approved` / `crm.review.rejected`. */
export type ReviewEventData = {
  id: string
  product_id: string
  customer_id: string
  rating: number
  status: string
}

/** `crm.review.low_rating`: what a complaint ticket needs, without reading the reviews module. */
export type LowRatingEventData = ReviewEventData & {
  order_id: string | null
  title: string | null
  content: string
}
