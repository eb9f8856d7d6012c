import { model } from "@medusajs/framework/utils"

/**
 * One row per order line: which products, categories and collections a
 * customer bought, for segments ("bought from category X in 90 days") and
 * reports. `spend` is the line after discounts, without tax, in the store's
 * default currency.
 */
const OrderLineFact = model
  .define(
    { name: "OrderLineFact", tableName: "crm_order_line_fact" },
    {
      id: model.id({ prefix: "olfact" }).primaryKey(),
      line_id: model.text(),
      order_id: model.text(),
      customer_id: model.text().nullable(),
      product_id: model.text().nullable(),
      variant_id: model.text().nullable(),
      collection_id: model.text().nullable(),
      category_ids: model.array().default([]),
      quantity: model.number(),
      returned_quantity: model.number().default(0),
      spend: model.bigNumber(),
      placed_at: model.dateTime(),
      canceled_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_crm_order_line_fact_line_id_unique", on: ["line_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_crm_order_line_fact_order_id", on: ["order_id"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_order_line_fact_customer_placed", on: ["customer_id", "placed_at"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_order_line_fact_product", on: ["product_id", "placed_at"], where: "deleted_at IS NULL" },
  ])

export default OrderLineFact
