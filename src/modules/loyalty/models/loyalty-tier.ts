import { model } from "@medusajs/framework/utils"
import { SUPPORT_PRIORITIES } from "../../../types/tiers"

/**
 * A rung of the tier ladder. A member holds the highest-ranked tier whose
 * threshold their qualifying measure reaches (see the settings for the
 * measure and its window). Thresholds rise strictly with rank. The customer
 * group and promotions are Medusa's, created and kept by the plugin.
 */
const LoyaltyTier = model
  .define(
    { name: "LoyaltyTier", tableName: "crm_loyalty_tier" },
    {
      id: model.id({ prefix: "lptier" }).primaryKey(),
      name: model.text(),
      description: model.text().nullable(),
      rank: model.number(),
      threshold: model.bigNumber(),
      multiplier: model.float().default(1),
      discount_percent: model.float().default(0),
      free_shipping: model.boolean().default(false),
      birthday_bonus_points: model.number().nullable(),
      support_priority: model.enum([...SUPPORT_PRIORITIES]).default("normal"),
      customer_group_id: model.text().nullable(),
      discount_promotion_id: model.text().nullable(),
      shipping_promotion_id: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { name: "IDX_crm_loyalty_tier_rank_unique", on: ["rank"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_crm_loyalty_tier_name_unique", on: ["name"], unique: true, where: "deleted_at IS NULL" },
  ])

export default LoyaltyTier
