import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { CompiledQuery } from "./rules/sql-builder"

export type MemberChange = {
  joined: string[]
  /** Who left, with when they had joined (to put them back as they were). */
  left: { customer_id: string; joined_at: string }[]
  member_count: number
}

/**
 * Makes `crm_segment_member` hold exactly the customers the compiled rule
 * matches: the new ones are inserted, the ones no longer matched deleted,
 * the rest not touched (a refresh over unchanged data writes no row).
 * Answers who joined and who left. Runs in the caller's transaction.
 *
 * The matched set goes into a temporary table with a key and fresh
 * statistics first: planned against a CTE's guessed size (or a member table
 * whose statistics say it is empty), the anti-joins can turn into nested
 * loops that re-scan the members once per customer.
 */
export async function applySegmentMembers(
  knex: Knex,
  segmentId: string,
  matched: CompiledQuery,
  now: Date
): Promise<MemberChange> {
  await knex.raw(`DROP TABLE IF EXISTS crm_segment_wanted`)
  await knex.raw(`CREATE TEMPORARY TABLE crm_segment_wanted (customer_id text PRIMARY KEY) ON COMMIT DROP`)
  await knex.raw(`INSERT INTO crm_segment_wanted (customer_id) ${matched.sql}`, matched.bindings)
  await knex.raw(`ANALYZE crm_segment_wanted`)
  const { rows } = await knex.raw(
    `WITH joined AS (
       INSERT INTO crm_segment_member (segment_id, customer_id, joined_at)
       SELECT ?, w.customer_id, ?::timestamptz FROM crm_segment_wanted w
       ON CONFLICT (segment_id, customer_id) DO NOTHING
       RETURNING customer_id
     ),
     departed AS (
       DELETE FROM crm_segment_member m
        WHERE m.segment_id = ? AND NOT EXISTS (SELECT 1 FROM crm_segment_wanted w WHERE w.customer_id = m.customer_id)
       RETURNING m.customer_id, m.joined_at
     )
     SELECT COALESCE((SELECT array_agg(customer_id ORDER BY customer_id) FROM joined), '{}') AS joined,
            COALESCE((SELECT json_agg(json_build_object('customer_id', customer_id, 'joined_at', joined_at) ORDER BY customer_id) FROM departed), '[]') AS left,
            (SELECT COUNT(*) FROM crm_segment_wanted)::int AS member_count`,
    [segmentId, now, segmentId]
  )
  await knex.raw(`DROP TABLE crm_segment_wanted`)
  return rows[0]
}

/** Undoes a change: the joined taken out, the departed put back with their join time. */
export async function revertSegmentMembers(knex: Knex, segmentId: string, change: Pick<MemberChange, "joined" | "left">) {
  if (change.joined.length) {
    await knex.raw(`DELETE FROM crm_segment_member WHERE segment_id = ? AND customer_id = ANY(?::text[])`, [segmentId, change.joined])
  }
  if (change.left.length) {
    await knex.raw(
      `INSERT INTO crm_segment_member (segment_id, customer_id, joined_at)
       SELECT ?, r.customer_id, r.joined_at FROM jsonb_to_recordset(?::jsonb) AS r(customer_id text, joined_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [segmentId, JSON.stringify(change.left)]
    )
  }
}

/**
 * What a segment's customer group lacks and holds too many of, against the
 * members: Medusa's `customer_group_customer` is read here (the same
 * database) so the difference is two anti-joins rather than the whole group
 * loaded into memory; the changes themselves go through Medusa's workflow.
 */
export async function groupDifference(
  knex: Knex,
  segmentId: string,
  groupId: string
): Promise<{ add: string[]; remove: string[] }> {
  const { rows } = await knex.raw(
    `SELECT COALESCE((SELECT array_agg(m.customer_id ORDER BY m.customer_id) FROM crm_segment_member m
              WHERE m.segment_id = ? AND NOT EXISTS (
                SELECT 1 FROM customer_group_customer g
                 WHERE g.customer_group_id = ? AND g.customer_id = m.customer_id AND g.deleted_at IS NULL)), '{}') AS add,
            COALESCE((SELECT array_agg(DISTINCT g.customer_id) FROM customer_group_customer g
              WHERE g.customer_group_id = ? AND g.deleted_at IS NULL AND NOT EXISTS (
                SELECT 1 FROM crm_segment_member m WHERE m.segment_id = ? AND m.customer_id = g.customer_id)), '{}') AS remove`,
    [segmentId, groupId, groupId, segmentId]
  )
  return rows[0]
}
