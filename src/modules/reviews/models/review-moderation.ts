import { model } from "@medusajs/framework/utils"
import { MODERATION_EVENTS, REVIEW_STATUSES } from "../../../types/reviews"
import Review from "./review"

/**
 * A review's history: every submit, edit, moderation action and reply, with
 * who did it, when, the status before and after, and why.
 */
const ReviewModeration = model
  .define(
    { name: "ReviewModeration", tableName: "crm_review_moderation" },
    {
      id: model.id({ prefix: "revmod" }).primaryKey(),
      review: model.belongsTo(() => Review, { mappedBy: "moderation" }),
      event: model.enum([...MODERATION_EVENTS]),
      from_status: model.enum([...REVIEW_STATUSES]).nullable(),
      to_status: model.enum([...REVIEW_STATUSES]).nullable(),
      reason: model.text().nullable(),
      actor_type: model.enum(["customer", "user", "system"]),
      actor_id: model.text().nullable(),
    }
  )
  .indexes([
    { name: "IDX_crm_review_moderation_review_created", on: ["review_id", "created_at"], where: "deleted_at IS NULL" },
    // The rate limit counts a customer's recent submissions here: history outlives deleted reviews.
    { name: "IDX_crm_review_moderation_actor_created", on: ["actor_id", "created_at"], where: "deleted_at IS NULL AND event = 'submitted'" },
  ])

export default ReviewModeration
