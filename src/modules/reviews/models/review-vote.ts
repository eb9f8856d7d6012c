import { model } from "@medusajs/framework/utils"

/** A customer found a review helpful; once per customer and review. */
const ReviewVote = model
  .define(
    { name: "ReviewVote", tableName: "crm_review_vote" },
    {
      id: model.id({ prefix: "revvote" }).primaryKey(),
      review_id: model.text(),
      customer_id: model.text(),
    }
  )
  .indexes([{ name: "IDX_crm_review_vote_unique", on: ["review_id", "customer_id"], unique: true }])

export default ReviewVote
