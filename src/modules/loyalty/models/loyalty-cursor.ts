import { model } from "@medusajs/framework/utils"

/**
 * How far a background scan has come, e.g. the reconciliation of order
 * points: everything changed up to `position` has been looked at.
 */
const LoyaltyCursor = model.define(
  { name: "LoyaltyCursor", tableName: "crm_loyalty_cursor" },
  {
    id: model.id({ prefix: "lpcur" }).primaryKey(),
    position: model.dateTime(),
  }
)

export default LoyaltyCursor
