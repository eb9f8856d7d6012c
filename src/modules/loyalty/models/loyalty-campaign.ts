import { model } from "@medusajs/framework/utils"

/**
 * A time-boxed points multiplier ("double points weekend", a monthly
 * "member day"): orders placed inside the window, on the listed weekdays or
 * days of the month when given, earn `multiplier` times the points.
 */
const LoyaltyCampaign = model
  .define(
    { name: "LoyaltyCampaign", tableName: "crm_loyalty_campaign" },
    {
      id: model.id({ prefix: "lpcmp" }).primaryKey(),
      name: model.text(),
      multiplier: model.float(),
      starts_at: model.dateTime(),
      ends_at: model.dateTime(),
      /** 0 (Sunday) to 6; null: every day. */
      weekdays: model.json().nullable(),
      /** 1 to 31; null: every day. */
      days_of_month: model.json().nullable(),
      /** Only customers of these tiers / segments (when those exist). */
      tier_ids: model.json().nullable(),
      segment_ids: model.json().nullable(),
      active: model.boolean().default(true),
    }
  )
  .indexes([{ name: "IDX_crm_loyalty_campaign_window", on: ["active", "starts_at", "ends_at"] }])

export default LoyaltyCampaign
