import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { STORE_REVIEW_FIELDS, type ReviewOrder } from "../../types/reviews"

export type PublicReviewRow = Record<(typeof STORE_REVIEW_FIELDS)[number], unknown>

/** Each order ends in `id` so that pages never overlap or skip. */
const ORDER_BY: Record<ReviewOrder, [string, "asc" | "desc"][]> = {
  "-created_at": [["created_at", "desc"], ["id", "desc"]],
  created_at: [["created_at", "asc"], ["id", "asc"]],
  "-helpful_count": [["helpful_count", "desc"], ["created_at", "desc"], ["id", "desc"]],
  "-rating": [["rating", "desc"], ["created_at", "desc"], ["id", "desc"]],
  rating: [["rating", "asc"], ["created_at", "desc"], ["id", "desc"]],
}

/**
 * A page of a product's approved reviews: one query on the
 * (product_id, status, ...) indexes. The count comes from the kept summary,
 * never from counting rows.
 */
export async function publicReviewsPage(
  knex: Knex,
  productId: string,
  page: { rating?: number; order: ReviewOrder; limit: number; offset: number }
): Promise<PublicReviewRow[]> {
  const query = knex("crm_review")
    .select(...STORE_REVIEW_FIELDS)
    .where({ product_id: productId, status: "approved" })
    .whereNull("deleted_at")
  if (page.rating) {
    query.where({ rating: page.rating })
  }
  for (const [column, direction] of ORDER_BY[page.order]) {
    query.orderBy(column, direction)
  }
  return await query.limit(page.limit).offset(page.offset)
}
