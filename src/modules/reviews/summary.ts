import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import type { RatingSummary } from "../../types/reviews"

/** One approved review entering (+1) or leaving (-1) its product's summary. */
export type SummaryChange = { product_id: string; rating: number; sign: 1 | -1 }

type SummaryDelta = { product_id: string; count: number; sum: number; by_rating: number[] }

/** Net changes per product; products whose changes cancel out are left out. */
export function summaryDeltas(changes: SummaryChange[]): SummaryDelta[] {
  const byProduct = new Map<string, SummaryDelta>()
  for (const change of changes) {
    const delta = byProduct.get(change.product_id) ?? { product_id: change.product_id, count: 0, sum: 0, by_rating: [0, 0, 0, 0, 0] }
    delta.count += change.sign
    delta.sum += change.sign * change.rating
    delta.by_rating[change.rating - 1] += change.sign
    byProduct.set(change.product_id, delta)
  }
  return [...byProduct.values()]
    .filter((delta) => delta.by_rating.some((n) => n !== 0))
    .sort((a, b) => (a.product_id < b.product_id ? -1 : a.product_id > b.product_id ? 1 : 0))
}

/**
 * Adds the changes to the products' summaries inside the caller's
 * transaction: makes sure each product has a row, locks the rows in product
 * order (concurrent moderators cannot deadlock), then adds. The CHECK
 * constraint keeps every count at 0 or above, so a bookkeeping error fails
 * loudly instead of drifting.
 */
export async function applySummaryChanges(knex: Knex, changes: SummaryChange[]): Promise<void> {
  await addToSummaries(knex, summaryDeltas(changes))
}

async function addToSummaries(knex: Knex, deltas: SummaryDelta[]): Promise<void> {
  if (!deltas.length) {
    return
  }
  const productIds = deltas.map((delta) => delta.product_id)
  // A plain upsert cannot add a negative delta: PostgreSQL checks the proposed row before the conflict.
  await knex.raw(
    `INSERT INTO crm_review_summary (id, product_id)
     SELECT d.id, d.product_id FROM json_to_recordset(?::json) AS d(id text, product_id text)
     ON CONFLICT (product_id) WHERE deleted_at IS NULL DO NOTHING`,
    [JSON.stringify(productIds.map((product_id) => ({ id: generateEntityId("", "revsum"), product_id })))]
  )
  await knex.raw(
    `SELECT 1 FROM crm_review_summary WHERE product_id = ANY(?::text[]) AND deleted_at IS NULL ORDER BY product_id FOR UPDATE`,
    [productIds]
  )
  const rows = deltas.map((delta) => ({
    product_id: delta.product_id,
    count: delta.count,
    sum: delta.sum,
    r1: delta.by_rating[0],
    r2: delta.by_rating[1],
    r3: delta.by_rating[2],
    r4: delta.by_rating[3],
    r5: delta.by_rating[4],
  }))
  await knex.raw(
    `UPDATE crm_review_summary s SET
       review_count = s.review_count + d.count,
       rating_sum = s.rating_sum + d.sum,
       rating_1 = s.rating_1 + d.r1,
       rating_2 = s.rating_2 + d.r2,
       rating_3 = s.rating_3 + d.r3,
       rating_4 = s.rating_4 + d.r4,
       rating_5 = s.rating_5 + d.r5,
       updated_at = now()
     FROM json_to_recordset(?::json) AS d(product_id text, count int, sum int, r1 int, r2 int, r3 int, r4 int, r5 int)
     WHERE s.product_id = d.product_id AND s.deleted_at IS NULL`,
    [JSON.stringify(rows)]
  )
}

export type SummaryRow = {
  product_id: string
  review_count: number
  rating_sum: number
  rating_1: number
  rating_2: number
  rating_3: number
  rating_4: number
  rating_5: number
}

export const EMPTY_SUMMARY: RatingSummary = {
  average_rating: 0,
  review_count: 0,
  distribution: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
}

/** The public shape; the average to two decimals. */
export function toRatingSummary(row: SummaryRow | undefined): RatingSummary {
  if (!row || !row.review_count) {
    return { ...EMPTY_SUMMARY, distribution: { ...EMPTY_SUMMARY.distribution } }
  }
  return {
    average_rating: Math.round((row.rating_sum / row.review_count) * 100) / 100,
    review_count: row.review_count,
    distribution: {
      "1": row.rating_1,
      "2": row.rating_2,
      "3": row.rating_3,
      "4": row.rating_4,
      "5": row.rating_5,
    },
  }
}

const SUMMARY_COLUMNS = "product_id, review_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5"

export async function readSummaries(knex: Knex, productIds: string[]): Promise<SummaryRow[]> {
  const { rows } = await knex.raw(
    `SELECT ${SUMMARY_COLUMNS} FROM crm_review_summary WHERE product_id = ANY(?::text[]) AND deleted_at IS NULL`,
    [productIds]
  )
  return rows
}

/** The summaries as a fresh aggregate over the approved reviews: the check of the kept ones. */
export async function aggregateSummaries(knex: Knex, productIds: string[]): Promise<SummaryRow[]> {
  const { rows } = await knex.raw(
    `SELECT product_id,
            count(*)::int AS review_count,
            coalesce(sum(rating), 0)::int AS rating_sum,
            (count(*) FILTER (WHERE rating = 1))::int AS rating_1,
            (count(*) FILTER (WHERE rating = 2))::int AS rating_2,
            (count(*) FILTER (WHERE rating = 3))::int AS rating_3,
            (count(*) FILTER (WHERE rating = 4))::int AS rating_4,
            (count(*) FILTER (WHERE rating = 5))::int AS rating_5
       FROM crm_review
      WHERE product_id = ANY(?::text[]) AND status = 'approved' AND deleted_at IS NULL
      GROUP BY product_id`,
    [productIds]
  )
  return rows
}

/** Every product with a review or a summary row. */
export async function reviewedProductIds(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw(
    `SELECT product_id FROM crm_review UNION SELECT product_id FROM crm_review_summary ORDER BY 1`
  )
  return rows.map((row: { product_id: string }) => row.product_id)
}

/** Rewrites the summaries from a fresh aggregate (a repair; normal changes are incremental). */
export async function rebuildSummaries(knex: Knex, productIds: string[]): Promise<void> {
  await knex.raw(`DELETE FROM crm_review_summary WHERE product_id = ANY(?::text[])`, [productIds])
  const fresh = await aggregateSummaries(knex, productIds)
  await addToSummaries(
    knex,
    fresh.map((row) => ({
      product_id: row.product_id,
      count: row.review_count,
      sum: row.rating_sum,
      by_rating: [row.rating_1, row.rating_2, row.rating_3, row.rating_4, row.rating_5],
    }))
  )
}
