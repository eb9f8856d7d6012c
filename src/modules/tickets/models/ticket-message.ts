import { model } from "@medusajs/framework/utils"
import { TICKET_AUTHOR_TYPES } from "../../../types/tickets"
import Ticket from "./ticket"

/** A message on a ticket: public (the conversation) or an internal note that never reaches the store API. */
const TicketMessage = model
  .define(
    { name: "TicketMessage", tableName: "crm_ticket_message" },
    {
      id: model.id({ prefix: "tktmsg" }).primaryKey(),
      ticket: model.belongsTo(() => Ticket, { mappedBy: "messages" }),
      author_type: model.enum([...TICKET_AUTHOR_TYPES]),
      author_id: model.text().nullable(),
      body: model.text(),
      internal: model.boolean().default(false),
    }
  )
  .indexes([{ name: "IDX_crm_ticket_message_ticket_created", on: ["ticket_id", "created_at"], where: "deleted_at IS NULL" }])

export default TicketMessage
