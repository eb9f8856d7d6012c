import { model } from "@medusajs/framework/utils"

/**
 * The store's ticket settings: one row (`tktset_default`), created with these
 * defaults on first read. Targets are working minutes per priority.
 */
const TicketSettings = model.define(
  { name: "TicketSettings", tableName: "crm_ticket_settings" },
  {
    id: model.id({ prefix: "tktset" }).primaryKey(),
    sla: model.json().default({
      low: { first_response_minutes: 2880, resolution_minutes: 10080 },
      normal: { first_response_minutes: 1440, resolution_minutes: 4320 },
      high: { first_response_minutes: 240, resolution_minutes: 1440 },
      urgent: { first_response_minutes: 60, resolution_minutes: 480 },
    }),
    /** `{ time_zone, weekdays, start_minute, end_minute }`; null: the clock runs around the clock. */
    business_hours: model.json().nullable(),
    /** Resolved tickets close after this many days. */
    auto_close_days: model.number().default(7),
    /** Where escalations are e-mailed; null: only the event. */
    escalation_email: model.text().nullable(),
  }
)

export default TicketSettings
