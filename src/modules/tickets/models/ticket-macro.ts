import { model } from "@medusajs/framework/utils"
import { TICKET_CATEGORIES } from "../../../types/tickets"

/** A canned response from the case library; its body is a Handlebars template ({{customer.first_name}}). */
const TicketMacro = model.define(
  { name: "TicketMacro", tableName: "crm_ticket_macro" },
  {
    id: model.id({ prefix: "tktmac" }).primaryKey(),
    name: model.text(),
    category: model.enum([...TICKET_CATEGORIES]).nullable(),
    body: model.text(),
  }
)

export default TicketMacro
