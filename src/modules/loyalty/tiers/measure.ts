import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { TierMeasure } from "../../../types/tiers"

export type MeasureScope = {
  measure: TierMeasure
  /** Orders placed / points earned since then count; null: all time. */
  since: Date | null
  /** Only these customers; all when absent. */
  customer_ids?: string[]
}

/**
 * The qualifying measure per customer as one grouped query: `customer_id`,
 * `value`. Spend reads the order facts (net of returns, cancelled orders
 * left out); points read the ledger (points earned by orders and bonuses,
 * less their reversals; admin adjustments do not count). Both run off an
 * index on (customer or account, time) for a few customers and a single scan
 * for all. The order-facts table belongs to the plugin's order-facts module,
 * in the same database: joining it here is what keeps a re-score of every
 * member to one statement.
 */
export function measureQuery(scope: MeasureScope): MeasureSql {
  const since = scope.since ?? new Date(0)
  if (scope.measure === "points") {
    return {
      sql: `SELECT a.customer_id, SUM(e.points + e.pending_delta) AS value
         FROM crm_loyalty_entry e
         JOIN crm_loyalty_account a ON a.id = e.account_id
        WHERE e.type IN ('earn', 'bonus', 'reverse') AND e.created_at >= ?
          ${scope.customer_ids ? "AND a.customer_id = ANY(?::text[])" : ""}
        GROUP BY a.customer_id`,
      bindings: scope.customer_ids ? [since, scope.customer_ids] : [since],
    }
  }
  return {
    sql: `SELECT f.customer_id, SUM(f.spend - f.returned_spend) AS value
       FROM crm_order_fact f
      WHERE f.canceled_at IS NULL AND f.deleted_at IS NULL AND f.customer_id IS NOT NULL AND f.placed_at >= ?
        ${scope.customer_ids ? "AND f.customer_id = ANY(?::text[])" : ""}
      GROUP BY f.customer_id`,
    bindings: scope.customer_ids ? [since, scope.customer_ids] : [since],
  }
}

/** A query with `?` placeholders and its bindings, to embed in a larger statement. */
export type MeasureSql = { sql: string; bindings: unknown[] }

/** The measure of every customer (or the given ones), on its own. */
export async function measureAll(knex: Knex, scope: MeasureScope): Promise<{ customer_id: string; value: string }[]> {
  const { sql, bindings } = measureQuery(scope)
  return (await knex.raw(sql, bindings as any[])).rows
}
