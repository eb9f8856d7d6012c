import { generateEntityId } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { OrderFactsInput } from "../../types/order-facts"
import { bigNumberRawSql as raw } from "../../utils/module-sql"

/**
 * Writes order facts as one upsert per table, keyed by order and line id, so
 * an order recorded again (a replayed event, the back-fill over an order an
 * event already wrote) ends up with the same rows. Lines an order no longer
 * has (an order edit) are removed. Rows go in as one JSON binding each.
 */
export async function writeOrderFacts(knex: Knex, facts: OrderFactsInput): Promise<RecordedFacts> {
  if (!facts.orders.length) {
    return { orders: 0, lines: 0, customer_ids: [] }
  }
  const orders = facts.orders.map((order) => ({ id: generateEntityId(undefined, "ofact"), ...order }))
  await knex.raw(
    `INSERT INTO crm_order_fact
       (id, order_id, customer_id, sales_channel_id, region_id, status, currency_code, country_code,
        total, raw_total, spend, raw_spend, returned_spend, raw_returned_spend,
        item_count, placed_at, canceled_at, returned_at)
     SELECT r.id, r.order_id, r.customer_id, r.sales_channel_id, r.region_id, r.status, r.currency_code, r.country_code,
            r.total, ${raw("r.total")}, r.spend, ${raw("r.spend")}, r.returned_spend, ${raw("r.returned_spend")},
            r.item_count, r.placed_at, r.canceled_at, r.returned_at
       FROM jsonb_to_recordset(?::jsonb) AS r(
         id text, order_id text, customer_id text, sales_channel_id text, region_id text, status text,
         currency_code text, country_code text, total numeric, spend numeric, returned_spend numeric, item_count int,
         placed_at timestamptz, canceled_at timestamptz, returned_at timestamptz)
     ON CONFLICT (order_id) WHERE deleted_at IS NULL DO UPDATE SET
       customer_id = excluded.customer_id, sales_channel_id = excluded.sales_channel_id,
       region_id = excluded.region_id, status = excluded.status, currency_code = excluded.currency_code,
       country_code = excluded.country_code, total = excluded.total, raw_total = excluded.raw_total, spend = excluded.spend, raw_spend = excluded.raw_spend,
       returned_spend = excluded.returned_spend, raw_returned_spend = excluded.raw_returned_spend,
       item_count = excluded.item_count, placed_at = excluded.placed_at, canceled_at = excluded.canceled_at,
       returned_at = excluded.returned_at, updated_at = now()`,
    [JSON.stringify(orders)]
  )

  const orderIds = facts.orders.map((order) => order.order_id)
  const lineIds = facts.lines.map((line) => line.line_id)
  await knex("crm_order_line_fact")
    .whereIn("order_id", orderIds)
    .whereNull("deleted_at")
    .modify((query) => (lineIds.length ? query.whereNotIn("line_id", lineIds) : query))
    .delete()
  if (facts.lines.length) {
    const lines = facts.lines.map((line) => ({ id: generateEntityId(undefined, "olfact"), ...line }))
    await knex.raw(
      `INSERT INTO crm_order_line_fact
         (id, line_id, order_id, customer_id, product_id, variant_id, collection_id, category_ids,
          quantity, returned_quantity, spend, raw_spend, placed_at, canceled_at)
       SELECT r.id, r.line_id, r.order_id, r.customer_id, r.product_id, r.variant_id, r.collection_id,
              ARRAY(SELECT jsonb_array_elements_text(r.category_ids)),
              r.quantity, r.returned_quantity, r.spend, ${raw("r.spend")}, r.placed_at, r.canceled_at
         FROM jsonb_to_recordset(?::jsonb) AS r(
           id text, line_id text, order_id text, customer_id text, product_id text, variant_id text,
           collection_id text, category_ids jsonb, quantity int, returned_quantity int, spend numeric,
           placed_at timestamptz, canceled_at timestamptz)
       ON CONFLICT (line_id) WHERE deleted_at IS NULL DO UPDATE SET
         order_id = excluded.order_id, customer_id = excluded.customer_id, product_id = excluded.product_id,
         variant_id = excluded.variant_id, collection_id = excluded.collection_id,
         category_ids = excluded.category_ids, quantity = excluded.quantity,
         returned_quantity = excluded.returned_quantity, spend = excluded.spend, raw_spend = excluded.raw_spend,
         placed_at = excluded.placed_at, canceled_at = excluded.canceled_at, updated_at = now()`,
      [JSON.stringify(lines)]
    )
  }
  return {
    orders: orders.length,
    lines: facts.lines.length,
    customer_ids: [...new Set(facts.orders.map((order) => order.customer_id).filter((id): id is string => !!id))],
  }
}

/** What a write recorded, and whose orders they were (the customers to re-score). */
export type RecordedFacts = { orders: number; lines: number; customer_ids: string[] }
