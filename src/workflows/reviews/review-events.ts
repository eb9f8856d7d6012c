import type { ReviewDTO, ReviewSettingsDTO } from "../../types/reviews"
import type { LowRatingEventData, ReviewEventData } from "./events"

type ReviewFacts = Pick<ReviewDTO, "id" | "product_id" | "customer_id" | "order_id" | "rating" | "title" | "content" | "status">

export const reviewEventData = (review: Pick<ReviewDTO, keyof ReviewEventData>): ReviewEventData => ({
  id: review.id,
  product_id: review.product_id,
  customer_id: review.customer_id,
  rating: review.rating,
  status: review.status,
})

/**
 * Whether a review is a complaint: at or below the store's threshold, and
 * not rejected by moderation (spam does not open tickets). `before`: an edit
 * only counts when it crosses the threshold, so a ticket opens once.
 */
export function isComplaint(settings: Pick<ReviewSettingsDTO, "complaint_max_rating">, review: ReviewFacts, before?: { rating: number }) {
  const max = settings.complaint_max_rating
  if (max === null || max === undefined || review.status === "rejected" || review.rating > max) {
    return false
  }
  return !before || before.rating > max
}

export const lowRatingEventData = (review: ReviewFacts): LowRatingEventData => ({
  ...reviewEventData(review),
  order_id: review.order_id,
  title: review.title,
  content: review.content,
})
