import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { RFM_GROUP_GRID } from "./groups"

/**
 * The RFM scores of every customer with orders placed up to `asOf`, as one
 * query: recency (last order), frequency (orders) and monetary (net spend)
 * each cut into quintiles with `ntile(5)`, so each score holds a fifth of
 * the customers. Ties are broken by the other two measures and then by
 * customer id, so the same data and as-of time always give the same scores
 * (a one-order customer who spent more ranks higher on frequency than one
 * who spent less). Canceled orders do not count; returns reduce the spend.
 */
export const RFM_SCORES_SQL = `
  WITH measured AS (
    SELECT f.customer_id, MAX(f.placed_at) AS last_order_at, COUNT(*)::int AS order_count,
           SUM(f.spend - f.returned_spend) AS monetary_value
      FROM crm_order_fact f
     WHERE f.deleted_at IS NULL AND f.canceled_at IS NULL AND f.customer_id IS NOT NULL AND f.placed_at <= :as_of
     GROUP BY f.customer_id
  ), quintiles AS (
    SELECT m.*,
           ntile(5) OVER (ORDER BY m.last_order_at, m.order_count, m.monetary_value, m.customer_id) AS recency,
           ntile(5) OVER (ORDER BY m.order_count, m.monetary_value, m.last_order_at, m.customer_id) AS frequency,
           ntile(5) OVER (ORDER BY m.monetary_value, m.order_count, m.last_order_at, m.customer_id) AS monetary
      FROM measured m
  )
  SELECT q.customer_id, q.recency, q.frequency, q.monetary,
         (:grid::text[])[(q.recency - 1) * 5 + ceil((q.frequency + q.monetary) / 2.0)::int] AS rfm_group,
         q.last_order_at, q.order_count, q.monetary_value
    FROM quintiles q`

export type RfmScoringResult = { customers: number; changed: number; removed: number }

/**
 * Scores every customer and stores the result in `crm_customer_rfm`: rows
 * whose scores or measures changed are rewritten, customers no longer scored
 * (all orders canceled) are removed, unchanged rows are not touched. The
 * scores go into a temporary table first so the comparison with the stored
 * rows is one hash join rather than a key lookup per customer. Serialised by
 * an advisory lock so two runs never interleave. Runs in the caller's
 * transaction.
 */
export async function scoreRfm(knex: Knex, asOf: Date): Promise<RfmScoringResult> {
  await knex.raw(`SELECT pg_advisory_xact_lock(hashtext('crm_rfm_scoring'))`)
  await knex.raw(`DROP TABLE IF EXISTS crm_rfm_scored`)
  await knex.raw(
    `CREATE TEMPORARY TABLE crm_rfm_scored (
       customer_id text PRIMARY KEY, recency int NOT NULL, frequency int NOT NULL, monetary int NOT NULL, rfm_group text NOT NULL,
       last_order_at timestamptz NOT NULL, order_count int NOT NULL, monetary_value numeric NOT NULL) ON COMMIT DROP`
  )
  await knex.raw(`INSERT INTO crm_rfm_scored ${RFM_SCORES_SQL}`, { as_of: asOf, grid: RFM_GROUP_GRID })
  await knex.raw(`ANALYZE crm_rfm_scored`)
  const { rows } = await knex.raw(
    `WITH changed AS (
       SELECT s.* FROM crm_rfm_scored s
         LEFT JOIN crm_customer_rfm r ON r.customer_id = s.customer_id
        WHERE r.customer_id IS NULL
           OR (r.recency, r.frequency, r.monetary, r.rfm_group, r.last_order_at, r.order_count, r.monetary_value)
              IS DISTINCT FROM
              (s.recency, s.frequency, s.monetary, s.rfm_group, s.last_order_at, s.order_count, s.monetary_value)
     ),
     written AS (
       INSERT INTO crm_customer_rfm
              (customer_id, recency, frequency, monetary, rfm_group, last_order_at, order_count, monetary_value, updated_at)
       SELECT c.customer_id, c.recency, c.frequency, c.monetary, c.rfm_group, c.last_order_at, c.order_count, c.monetary_value, :as_of
         FROM changed c
       ON CONFLICT (customer_id) DO UPDATE SET
         recency = excluded.recency, frequency = excluded.frequency, monetary = excluded.monetary,
         rfm_group = excluded.rfm_group, last_order_at = excluded.last_order_at,
         order_count = excluded.order_count, monetary_value = excluded.monetary_value, updated_at = excluded.updated_at
       RETURNING 1
     ),
     removed AS (
       DELETE FROM crm_customer_rfm r WHERE NOT EXISTS (SELECT 1 FROM crm_rfm_scored s WHERE s.customer_id = r.customer_id)
       RETURNING 1
     )
     SELECT (SELECT COUNT(*) FROM crm_rfm_scored)::int AS customers,
            (SELECT COUNT(*) FROM written)::int AS changed,
            (SELECT COUNT(*) FROM removed)::int AS removed`,
    { as_of: asOf }
  )
  await knex.raw(`DROP TABLE crm_rfm_scored`)
  return rows[0]
}
