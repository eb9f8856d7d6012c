import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { RFM_GROUP_LABELS, RFM_GROUPS, type RfmGroup } from "../../../types/segments"

export type RfmDistribution = {
  groups: { name: RfmGroup; label: string; customers: number; share: number }[]
  customers: number
}

/** Customers per RFM group, every group listed (best first) with its share of the scored customers. */
export async function rfmDistribution(knex: Knex): Promise<RfmDistribution> {
  const { rows } = await knex.raw(`SELECT rfm_group, COUNT(*)::int AS customers FROM crm_customer_rfm GROUP BY rfm_group`)
  const counts = new Map<string, number>(rows.map((row: { rfm_group: string; customers: number }) => [row.rfm_group, row.customers]))
  const customers = [...counts.values()].reduce((sum, n) => sum + n, 0)
  return {
    groups: RFM_GROUPS.map((name) => {
      const count = counts.get(name) ?? 0
      return { name, label: RFM_GROUP_LABELS[name], customers: count, share: customers ? count / customers : 0 }
    }),
    customers,
  }
}
