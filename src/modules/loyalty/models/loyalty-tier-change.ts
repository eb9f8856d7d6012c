import { model } from "@medusajs/framework/utils"

/**
 * A member's move from one tier to another, written by the same statement
 * that moves them. It is the history ("Gold since March") and an outbox:
 * rows with `processed_at` null still owe their group sync, event and
 * e-mail, so a crash between the move and those leaves nothing behind.
 */
const LoyaltyTierChange = model
  .define(
    { name: "LoyaltyTierChange", tableName: "crm_loyalty_tier_change" },
    {
      id: model.id({ prefix: "lptchg" }).primaryKey(),
      account_id: model.text(),
      customer_id: model.text(),
      previous_tier_id: model.text().nullable(),
      tier_id: model.text().nullable(),
      direction: model.enum(["up", "down"]),
      /** What moved the member: signing up, an order, a re-evaluation, a deleted tier. */
      reason: model.enum(["signup", "order", "evaluation", "tier_deleted"]),
      /** The measure when the move was decided. */
      qualifying_value: model.bigNumber().nullable(),
      processed_at: model.dateTime().nullable(),
    }
  )
  .indexes([
    { name: "IDX_crm_loyalty_tier_change_account", on: ["account_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_crm_loyalty_tier_change_unprocessed", on: ["created_at"], where: "processed_at IS NULL AND deleted_at IS NULL" },
  ])

export default LoyaltyTierChange
