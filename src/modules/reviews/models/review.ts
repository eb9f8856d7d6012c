import { model } from "@medusajs/framework/utils"
import { REVIEW_STATUSES } from "../../../types/reviews"
import ReviewModeration from "./review-moderation"

/**
 * A customer's review of a product: a rating, optional text, sub-ratings and
 * image URLs. `verified_purchase` when it is tied to a fulfilled line of the
 * customer's order (`order_line_item_id`). Text is stored exactly as written
 * and is only ever shown as text.
 */
const Review = model
  .define(
    { name: "Review", tableName: "crm_review" },
    {
      id: model.id({ prefix: "rev" }).primaryKey(),
      product_id: model.text(),
      customer_id: model.text(),
      order_id: model.text().nullable(),
      order_line_item_id: model.text().nullable(),
      rating: model.number(),
      title: model.text().nullable(),
      content: model.text().default(""),
      quality_rating: model.number().nullable(),
      logistics_rating: model.number().nullable(),
      service_rating: model.number().nullable(),
      /** https URLs, shown by the storefront; never fetched by the server. */
      images: model.json().default([] as unknown as Record<string, unknown>),
      /** "Jane D.", from the customer's name when the review was written. */
      author_name: model.text(),
      verified_purchase: model.boolean().default(false),
      status: model.enum([...REVIEW_STATUSES]).default("pending"),
      /** Why it has its status (the rejecting moderator's reason, the rule that held it). */
      status_reason: model.text().nullable(),
      /** Each auto-moderation rule's verdict at the last submit or edit. */
      auto_moderation: model.json().default([] as unknown as Record<string, unknown>),
      /** md5 of the normalised text, for the duplicate-text rule; null without text. */
      content_fingerprint: model.text().nullable(),
      /** The store's public reply. */
      response: model.text().nullable(),
      responded_at: model.dateTime().nullable(),
      responded_by: model.text().nullable(),
      helpful_count: model.number().default(0),
      moderation: model.hasMany(() => ReviewModeration, { mappedBy: "review" }),
    }
  )
  .indexes([
    // The storefront list: newest, or most helpful, approved reviews of a product.
    { name: "IDX_crm_review_product_status_created", on: ["product_id", "status", "created_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_review_product_status_helpful", on: ["product_id", "status", "helpful_count", "created_at", "id"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_review_product_status_rating", on: ["product_id", "status", "rating", "created_at", "id"], where: "deleted_at IS NULL" },
    // The moderation queue, by status, newest first.
    { name: "IDX_crm_review_status_created", on: ["status", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_review_customer_created", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_review_order", on: ["order_id"], where: "deleted_at IS NULL AND order_id IS NOT NULL" },
    { name: "IDX_crm_review_fingerprint", on: ["content_fingerprint"], where: "deleted_at IS NULL AND content_fingerprint IS NOT NULL" },
    // One review per customer per product, or per order line when verified.
    {
      name: "IDX_crm_review_customer_product_unique",
      on: ["customer_id", "product_id"],
      unique: true,
      where: "deleted_at IS NULL AND order_line_item_id IS NULL",
    },
    {
      name: "IDX_crm_review_customer_line_unique",
      on: ["customer_id", "order_line_item_id"],
      unique: true,
      where: "deleted_at IS NULL AND order_line_item_id IS NOT NULL",
    },
  ])

export default Review
