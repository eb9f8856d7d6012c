import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { TicketStats } from "../../types/tickets"

/** The period's ticket report, in set-based SQL. (Being written.) */
export async function ticketStats(_knex: Knex, _period: { from: Date; to: Date }): Promise<Omit<TicketStats, "top_products"> & { top_products: { product_id: string; ticket_count: number }[] }> {
  throw new Error("ticketStats: not written yet")
}
