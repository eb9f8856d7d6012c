import { model } from "@medusajs/framework/utils"

/**
 * One row per order: what tiers and segments ask of an order, kept compact so
 * a statement over every customer reads only this table. Amounts are in the
 * store's default currency (converted with the settings' exchange rates);
 * `spend` is the items after discounts, without tax and shipping, and
 * `returned_spend` the part of it returned since. Rewritten whole from the
 * order on each order event, so replays change nothing.
 */
const OrderFact = model
  .define(
    { name: "OrderFact", tableName: "crm_order_fact" },
    {
      id: model.id({ prefix: "ofact" }).primaryKey(),
      order_id: model.text(),
      customer_id: model.text().nullable(),
      sales_channel_id: model.text().nullable(),
      region_id: model.text().nullable(),
      status: model.text(),
      currency_code: model.text(),
      /** Where the order shipped to (else its billing address), lower case: a customer's country for segments. */
      country_code: model.text().nullable(),
      /** The order's total in its own currency (tax and shipping included). */
      total: model.bigNumber(),
      spend: model.bigNumber(),
      returned_spend: model.bigNumber().default(0),
      item_count: model.number().default(0),
      placed_at: model.dateTime(),
      canceled_at: model.dateTime().nullable(),
      /** The last return received. */
      returned_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_crm_order_fact_order_id_unique", on: ["order_id"], unique: true, where: "deleted_at IS NULL" },
    // Qualification and segments: one customer's orders in a window.
    { name: "IDX_crm_order_fact_customer_placed", on: ["customer_id", "placed_at"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_order_fact_placed_at", on: ["placed_at"], where: "deleted_at IS NULL" },
  ])

export default OrderFact
