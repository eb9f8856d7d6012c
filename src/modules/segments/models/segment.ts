import { model } from "@medusajs/framework/utils"
import { SEGMENT_REFRESH_MODES } from "../../../types/segments"

/**
 * A saved rule set over customer facts (`rules`, a SegmentRule tree), the
 * customer group that mirrors it, and what its last refresh found. Who is in
 * it is kept in `crm_segment_member` (a plain table, see the migration).
 */
const Segment = model
  .define(
    { name: "Segment", tableName: "crm_segment" },
    {
      id: model.id({ prefix: "seg" }).primaryKey(),
      name: model.text().searchable(),
      description: model.text().nullable(),
      rules: model.json(),
      refresh: model.enum([...SEGMENT_REFRESH_MODES]).default("daily"),
      customer_group_id: model.text().nullable(),
      member_count: model.number().default(0),
      refreshed_at: model.dateTime().nullable(),
      /** How many joined and left at the last refresh. */
      last_joined: model.number().default(0),
      last_left: model.number().default(0),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    // Names are unique: the mirroring customer group is named after it, and Medusa's group names are unique.
    { name: "IDX_crm_segment_name_unique", on: ["name"], unique: true, where: "deleted_at IS NULL" },
    // The refresh job: due scheduled segments.
    { name: "IDX_crm_segment_refresh_due", on: ["refresh", "refreshed_at"], where: "deleted_at IS NULL AND refresh <> 'manual'" },
  ])

export default Segment
