import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { segmentsOf } from "../../src/workflows/segments/steps/segments-of"

export { segmentsOf }

const DAY_MS = 86_400_000
const knexOf = (container: MedusaContainer) => container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS)

export type FixtureCustomer = {
  id: string
  email: string
  has_account?: boolean
  created_at: Date
  deleted_at?: Date
  /** Country of the default shipping address, if any. */
  address_country?: string
}

export type FixtureOrder = {
  id: string
  customer_id: string
  spend: number
  returned?: number
  placed_at: Date
  canceled?: boolean
  country_code?: string | null
  lines?: { product_id: string; category_ids?: string[]; collection_id?: string | null; quantity?: number; returned_quantity?: number }[]
}

/** Customers written straight into Medusa's tables (no events: a fixed data set nothing else reacts to). */
export async function insertCustomers(container: MedusaContainer, customers: FixtureCustomer[]) {
  const knex = knexOf(container)
  for (const customer of customers) {
    await knex("customer").insert({
      id: customer.id,
      email: customer.email,
      has_account: customer.has_account ?? true,
      created_at: customer.created_at,
      updated_at: customer.created_at,
      deleted_at: customer.deleted_at ?? null,
    })
    if (customer.address_country) {
      await knex("customer_address").insert({
        id: `cuaddr_${customer.id}`,
        customer_id: customer.id,
        country_code: customer.address_country,
        is_default_shipping: true,
        is_default_billing: true,
      })
    }
  }
}

/** Order facts and their lines, as the order-facts module would have recorded them. */
export async function insertOrderFacts(container: MedusaContainer, orders: FixtureOrder[]) {
  const knex = knexOf(container)
  const raw = (value: number) => JSON.stringify({ value: String(value), precision: 20 })
  for (const order of orders) {
    await knex("crm_order_fact").insert({
      id: `ofact_${order.id}`,
      order_id: order.id,
      customer_id: order.customer_id,
      status: order.canceled ? "canceled" : "completed",
      currency_code: "eur",
      country_code: order.country_code ?? null,
      total: order.spend,
      raw_total: raw(order.spend),
      spend: order.spend,
      raw_spend: raw(order.spend),
      returned_spend: order.returned ?? 0,
      raw_returned_spend: raw(order.returned ?? 0),
      item_count: 1,
      placed_at: order.placed_at,
      canceled_at: order.canceled ? order.placed_at : null,
    })
    for (const [i, line] of (order.lines ?? []).entries()) {
      await knex("crm_order_line_fact").insert({
        id: `olfact_${order.id}_${i}`,
        line_id: `ordli_${order.id}_${i}`,
        order_id: order.id,
        customer_id: order.customer_id,
        product_id: line.product_id,
        collection_id: line.collection_id ?? null,
        category_ids: line.category_ids ?? [],
        quantity: line.quantity ?? 1,
        returned_quantity: line.returned_quantity ?? 0,
        spend: order.spend,
        raw_spend: raw(order.spend),
        placed_at: order.placed_at,
        canceled_at: order.canceled ? order.placed_at : null,
      })
    }
  }
}

/** Rows of the segment tables and the customer groups' memberships, to show what a request wrote. */
export async function segmentRowCounts(container: MedusaContainer) {
  const knex = knexOf(container)
  const count = async (table: string, where = "TRUE") => Number((await knex.raw(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)).rows[0].n)
  return {
    segments: await count("crm_segment", "deleted_at IS NULL"),
    members: await count("crm_segment_member"),
    groups: await count("customer_group", "deleted_at IS NULL"),
    // Medusa leaves a deleted group's membership rows in place: count those of live groups.
    group_customers: await count(
      "customer_group_customer",
      "deleted_at IS NULL AND customer_group_id IN (SELECT id FROM customer_group WHERE deleted_at IS NULL)"
    ),
    promotions: await count("promotion", "deleted_at IS NULL"),
  }
}

/** A customer group's membership rows (id, customer, when written), to show a refresh wrote nothing. */
export async function groupRows(container: MedusaContainer, groupId: string) {
  const { rows } = await knexOf(container).raw(
    `SELECT id, customer_id, created_at, updated_at, deleted_at FROM customer_group_customer WHERE customer_group_id = ? ORDER BY customer_id`,
    [groupId]
  )
  return rows
}

export async function memberRows(container: MedusaContainer, segmentId: string) {
  const { rows } = await knexOf(container).raw(
    `SELECT customer_id, joined_at FROM crm_segment_member WHERE segment_id = ? ORDER BY customer_id`,
    [segmentId]
  )
  return rows
}
