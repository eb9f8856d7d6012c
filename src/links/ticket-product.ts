import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import TicketsModule from "../modules/tickets"

/** Read-only (the ticket keeps `product_id`): the product complained about, for the report. */
export default defineLink(
  { linkable: TicketsModule.linkable.ticket, field: "product_id" },
  ProductModule.linkable.product,
  { readOnly: true }
)
