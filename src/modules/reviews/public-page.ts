import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { REVIEW_ORDER_COLUMNS, STORE_REVIEW_FIELDS, type ReviewOrder } from "../../types/reviews"

export type PublicReviewRow = Record<(typeof STORE_REVIEW_FIELDS)[number], unknown>

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
  for (const [column, direction] of REVIEW_ORDER_COLUMNS[page.order]) {
    query.orderBy(column, direction)
  }
  return await query.limit(page.limit).offset(page.offset)
}
