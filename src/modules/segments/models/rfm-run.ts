import { model } from "@medusajs/framework/utils"

/**
 * One RFM scoring: its as-of time, how many customers it scored and how long
 * it took. The latest run's `scored_at` is the time every stored score in
 * `crm_customer_rfm` refers to.
 */
const RfmRun = model.define(
  { name: "RfmRun", tableName: "crm_rfm_run" },
  {
    id: model.id({ prefix: "rfmrun" }).primaryKey(),
    scored_at: model.dateTime(),
    customers: model.number().default(0),
    changed: model.number().default(0),
    duration_ms: model.number().default(0),
  }
).indexes([{ name: "IDX_crm_rfm_run_scored_at", on: ["scored_at"], where: "deleted_at IS NULL" }])

export default RfmRun
