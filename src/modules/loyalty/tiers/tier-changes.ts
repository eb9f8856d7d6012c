import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { LoyaltyTierChangeDTO } from "../../../types/tiers"

/** A new crm_loyalty_tier_change id, drawn in SQL for moves logged by the statement that makes them. */
export const NEW_TIER_CHANGE_ID_SQL = `'lptchg_' || upper(replace(gen_random_uuid()::text, '-', ''))`

/**
 * Claims up to `limit` unprocessed moves, oldest first, by stamping
 * `processed_at`; rows another process holds are skipped, so two workers
 * never send the same upgrade e-mail. A failed run releases its claim.
 */
export async function claimTierChanges(
  knex: Knex,
  limit: number,
  customerIds?: string[]
): Promise<LoyaltyTierChangeDTO[]> {
  const { rows } = await knex.raw(
    `UPDATE crm_loyalty_tier_change c SET processed_at = now(), updated_at = now()
      WHERE c.id IN (
        SELECT id FROM crm_loyalty_tier_change
         WHERE processed_at IS NULL AND deleted_at IS NULL
           ${customerIds ? "AND customer_id = ANY(?::text[])" : ""}
         ORDER BY created_at, id
         LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING c.id, c.account_id, c.customer_id, c.previous_tier_id, c.tier_id, c.direction, c.reason,
                c.qualifying_value, c.processed_at, c.created_at`,
    customerIds ? [customerIds, limit] : [limit]
  )
  return (rows as LoyaltyTierChangeDTO[]).sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at))
}

export async function releaseTierChanges(knex: Knex, ids: string[]): Promise<void> {
  if (ids.length) {
    await knex("crm_loyalty_tier_change").whereIn("id", ids).update({ processed_at: null })
  }
}

/**
 * Moves every member of `fromTierId` to `toTierId` (null: no tier, re-scored
 * at the next evaluation) and logs the moves. Returns the customers moved.
 */
export async function moveTierMembers(
  knex: Knex,
  fromTierId: string,
  toTierId: string | null,
  now: Date
): Promise<string[]> {
  const { rows } = await knex.raw(
    `WITH moved AS (
       UPDATE crm_loyalty_account SET tier_id = ?::text, tier_since = ?::timestamptz, tier_below_since = NULL, updated_at = now()
        WHERE tier_id = ? AND deleted_at IS NULL
       RETURNING id, customer_id
     ), logged AS (
       INSERT INTO crm_loyalty_tier_change (id, account_id, customer_id, previous_tier_id, tier_id, direction, reason)
       SELECT ${NEW_TIER_CHANGE_ID_SQL}, id, customer_id, ?::text, ?::text, 'down', 'tier_deleted'
         FROM moved
     )
     SELECT customer_id FROM moved`,
    [toTierId, now, fromTierId, fromTierId, toTierId]
  )
  return rows.map((row: { customer_id: string }) => row.customer_id)
}

/** Gives `tierId` the rank `rank` and shifts the others to keep ranks 0..n-1 in order, in two passes (ranks are unique). */
export async function placeTierAtRank(knex: Knex, tierId: string, rank: number): Promise<void> {
  const tiers: { id: string }[] = await knex("crm_loyalty_tier")
    .select("id")
    .whereNull("deleted_at")
    .orderBy("rank")
  const others = tiers.filter((tier) => tier.id !== tierId).map((tier) => tier.id)
  const position = Math.max(0, Math.min(rank, others.length))
  const ordered = [...others.slice(0, position), tierId, ...others.slice(position)]
  const values = JSON.stringify(ordered.map((id, index) => ({ id, rank: index })))
  // Out of the way first (ranks past any real one), then into place: no two rows ever share a rank.
  await knex.raw(`UPDATE crm_loyalty_tier SET rank = rank + 1000000 WHERE deleted_at IS NULL`)
  await knex.raw(
    `UPDATE crm_loyalty_tier t SET rank = v.rank, updated_at = now()
       FROM jsonb_to_recordset(?::jsonb) AS v(id text, rank int) WHERE t.id = v.id`,
    [values]
  )
}
