import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import TicketsModule from "../modules/tickets"

/** Read-only (the ticket keeps `customer_id`): whose case it is. */
export default defineLink(
  { linkable: TicketsModule.linkable.ticket, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
