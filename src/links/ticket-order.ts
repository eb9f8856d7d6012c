import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import TicketsModule from "../modules/tickets"

/** Read-only (the ticket keeps `order_id`): the order a complaint is about. */
export default defineLink(
  { linkable: TicketsModule.linkable.ticket, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
