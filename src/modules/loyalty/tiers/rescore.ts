import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { LoyaltyTierDTO } from "../../../types/tiers"
import { bigNumberRawSql } from "../../../utils/module-sql"
import { measureQuery, MeasureScope } from "./measure"
import { NEW_TIER_CHANGE_ID_SQL } from "./tier-changes"

export type RescoreInput = MeasureScope & {
  tiers: Pick<LoyaltyTierDTO, "id" | "rank" | "threshold">[]
  now: Date
  grace_days: number
  /** The order path: move members up (or clear their grace), never down. */
  upgrade_only: boolean
  reason: "signup" | "order" | "evaluation"
}

export type RescoreCounts = {
  upgraded: number
  downgraded: number
  grace_started: number
  grace_cleared: number
}

/**
 * Re-scores members in one statement: measure, place on the ladder, decide,
 * update the accounts that change and log their moves to
 * crm_loyalty_tier_change. Per member (q = qualified rank, c = current):
 * - q > c, or no tier yet: up to q at once;
 * - q = c: nothing, but a running grace period ends;
 * - q < c (evaluation only): the grace period starts now; once it is
 *   `grace_days` old, down to q.
 * The decision reads only the measure and the account, so the same data
 * decides the same way: a second run writes nothing, and a member moved
 * down is not moved back up without a new order.
 */
export async function rescoreTiers(knex: Knex, input: RescoreInput): Promise<RescoreCounts> {
  const counts: RescoreCounts = { upgraded: 0, downgraded: 0, grace_started: 0, grace_cleared: 0 }
  if (!input.tiers.length || (input.customer_ids && !input.customer_ids.length)) {
    return counts
  }
  const measure = measureQuery(input)
  const graceEnd = new Date(input.now.getTime() - input.grace_days * 24 * 60 * 60 * 1000)
  const ladder = JSON.stringify(input.tiers.map((t) => ({ id: t.id, rank: t.rank, threshold: String(t.threshold) })))
  // Hash tables of a million members fit in memory; only for this statement's transaction.
  await knex.raw(`SET LOCAL work_mem = '64MB'`)
  const rows: { action: keyof typeof ACTION_COUNTS; n: string }[] = (
    await knex.raw(
      `WITH ladder AS (
         SELECT id, rank, threshold, lead(threshold) OVER (ORDER BY rank) AS next_threshold
           FROM jsonb_to_recordset(?::jsonb) AS t(id text, rank int, threshold numeric)
       ),
       -- Materialised: computed once, whatever the planner guesses about the joins below.
       measure AS MATERIALIZED (${measure.sql}),
       scored AS (
         SELECT a.id, a.ctid AS row_ctid, a.customer_id, a.tier_id AS previous_tier_id, a.tier_below_since,
                COALESCE(m.value, 0) AS value,
                COALESCE(cur.rank, -1) AS current_rank, q.id AS qualified_id, COALESCE(q.rank, -1) AS qualified_rank,
                (a.tier_id IS NOT NULL AND cur.id IS NULL) AS tier_gone
           FROM crm_loyalty_account a
           LEFT JOIN measure m ON m.customer_id = a.customer_id
           LEFT JOIN ladder cur ON cur.id = a.tier_id
           LEFT JOIN ladder q ON COALESCE(m.value, 0) >= q.threshold
                             AND (q.next_threshold IS NULL OR COALESCE(m.value, 0) < q.next_threshold)
          WHERE a.deleted_at IS NULL ${input.customer_ids ? "AND a.customer_id = ANY(?::text[])" : ""}
       ),
       -- Only the members that move, in the table's physical order: the UPDATE
       -- then writes pages in sequence instead of in hash-join order.
       decided AS MATERIALIZED (
         SELECT * FROM (
           SELECT s.*, CASE
               WHEN s.tier_gone THEN CASE WHEN s.qualified_id IS NULL THEN 'down' ELSE 'up' END
               WHEN s.qualified_rank > s.current_rank THEN 'up'
               WHEN s.qualified_rank = s.current_rank THEN CASE WHEN s.tier_below_since IS NOT NULL THEN 'clear' END
               WHEN ?::boolean THEN NULL
               WHEN s.tier_below_since IS NULL THEN 'grace'
               WHEN s.tier_below_since <= ?::timestamptz THEN 'down'
             END AS action
             FROM scored s
         ) d
         WHERE d.action IS NOT NULL
         ORDER BY d.row_ctid
       ),
       moved AS (
         UPDATE crm_loyalty_account a SET
                tier_id = CASE WHEN d.action IN ('up', 'down') THEN d.qualified_id ELSE a.tier_id END,
                tier_since = CASE WHEN d.action IN ('up', 'down') THEN ?::timestamptz ELSE a.tier_since END,
                tier_below_since = CASE WHEN d.action = 'grace' THEN ?::timestamptz ELSE NULL END,
                updated_at = now()
           FROM decided d
          WHERE a.id = d.id
            -- Only from the state it was decided on: a concurrent re-score of the
            -- same member (two orders at once) finds the row changed and skips it.
            AND a.tier_id IS NOT DISTINCT FROM d.previous_tier_id
            AND a.tier_below_since IS NOT DISTINCT FROM d.tier_below_since
         RETURNING a.id, a.customer_id, d.previous_tier_id, a.tier_id, d.action, d.value
       ),
       logged AS (
         INSERT INTO crm_loyalty_tier_change
                (id, account_id, customer_id, previous_tier_id, tier_id, direction, reason, qualifying_value, raw_qualifying_value)
         SELECT ${NEW_TIER_CHANGE_ID_SQL}, id, customer_id, previous_tier_id, tier_id,
                action, ?::text, value, ${bigNumberRawSql("value")}
           FROM moved WHERE action IN ('up', 'down')
       )
       SELECT action, count(*) AS n FROM moved GROUP BY action`,
      [
        ladder,
        ...(measure.bindings as any[]),
        ...(input.customer_ids ? [input.customer_ids] : []),
        input.upgrade_only,
        graceEnd,
        input.now,
        input.now,
        input.reason,
      ]
    )
  ).rows
  for (const row of rows) {
    counts[ACTION_COUNTS[row.action]] += Number(row.n)
  }
  return counts
}

const ACTION_COUNTS = {
  up: "upgraded",
  down: "downgraded",
  grace: "grace_started",
  clear: "grace_cleared",
} as const
