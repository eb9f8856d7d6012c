import { model } from "@medusajs/framework/utils"

/**
 * A product's approved-review totals, kept in step with every status change
 * (never aggregated on read): the average is `rating_sum / review_count`.
 */
const ReviewSummary = model
  .define(
    { name: "ReviewSummary", tableName: "crm_review_summary" },
    {
      id: model.id({ prefix: "revsum" }).primaryKey(),
      product_id: model.text(),
      review_count: model.number().default(0),
      rating_sum: model.number().default(0),
      rating_1: model.number().default(0),
      rating_2: model.number().default(0),
      rating_3: model.number().default(0),
      rating_4: model.number().default(0),
      rating_5: model.number().default(0),
    }
  )
  .indexes([{ name: "IDX_crm_review_summary_product_unique", on: ["product_id"], unique: true }])

export default ReviewSummary
