import { model } from "@medusajs/framework/utils"
import { TICKET_COMPENSATION_TYPES, TICKET_PROMOTION_VALUE_TYPES } from "../../../types/tickets"
import Ticket from "./ticket"

/**
 * What the store gave the customer to make up for the problem: points
 * (posted through the loyalty ledger) or a one-time promotion code (a core
 * Medusa promotion only that customer can use). At most one of each per
 * ticket, so a repeated request cannot give twice.
 */
const TicketCompensation = model
  .define(
    { name: "TicketCompensation", tableName: "crm_ticket_compensation" },
    {
      id: model.id({ prefix: "tktcmp" }).primaryKey(),
      ticket: model.belongsTo(() => Ticket, { mappedBy: "compensations" }),
      type: model.enum([...TICKET_COMPENSATION_TYPES]),
      points: model.number().nullable(),
      promotion_id: model.text().nullable(),
      promotion_code: model.text().nullable(),
      value_type: model.enum([...TICKET_PROMOTION_VALUE_TYPES]).nullable(),
      value: model.float().nullable(),
      currency_code: model.text().nullable(),
      created_by: model.text().nullable(),
    }
  )
  .indexes([{ name: "IDX_crm_ticket_compensation_ticket_type", on: ["ticket_id", "type"], unique: true, where: "deleted_at IS NULL" }])

export default TicketCompensation
