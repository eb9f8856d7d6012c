import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { TICKET_CATEGORIES, type TicketCategory, type TicketStats } from "../../types/tickets"

export type TicketStatsRows = Omit<TicketStats, "top_products"> & { top_products: { product_id: string; ticket_count: number }[] }

/** How many products the report ranks. */
export const TOP_PRODUCTS = 10

/** The period's tickets: created in [from, to), never the deleted ones. */
const PERIOD_SQL = "deleted_at IS NULL AND created_at >= ? AND created_at < ?"

/**
 * A target missed, or running late now: either due time passed before (or
 * without) its event, or the job escalated it. A ticket resolved or closed
 * without a reply stops both clocks then, as in the SLA view.
 */
const ANSWERED_AT = "COALESCE(first_responded_at, resolved_at, closed_at)"
const DONE_AT = "COALESCE(resolved_at, closed_at)"
const BREACHED_SQL = `
  ${ANSWERED_AT} > first_response_due_at
  OR (${ANSWERED_AT} IS NULL AND first_response_due_at < ?)
  OR ${DONE_AT} > resolution_due_at
  OR (${DONE_AT} IS NULL AND resolution_due_at < ?)
  OR first_response_escalated_at IS NOT NULL
  OR resolution_escalated_at IS NOT NULL`

const minutesSql = (end: string) => `(extract(epoch FROM (${end} - created_at)) / 60)::float`

const round = (value: number | string | null, decimals: number): number | null =>
  value === null ? null : Math.round(Number(value) * 10 ** decimals) / 10 ** decimals

/**
 * The period's ticket report in three set-based queries: the aggregates,
 * the unresolved tickets per category, the products with most tickets.
 * Minutes are wall-clock minutes, rounded to one decimal.
 */
export async function ticketStats(knex: Knex, period: { from: Date; to: Date }, now: Date = new Date()): Promise<TicketStatsRows> {
  const bounds = [period.from, period.to]
  const [totals, open, products] = await Promise.all([
    knex("crm_ticket")
      .whereRaw(PERIOD_SQL, bounds)
      .first(
        knex.raw("count(*)::int AS ticket_count"),
        knex.raw(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutesSql("first_responded_at")}) AS median_first_response_minutes`),
        knex.raw(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${minutesSql("resolved_at")}) AS median_resolution_minutes`),
        knex.raw(`count(*) FILTER (WHERE ${BREACHED_SQL})::int AS breached`, [now, now]),
        knex.raw("avg(rating_score)::float AS csat_average"),
        knex.raw("count(rating_score)::int AS csat_count")
      ),
    knex("crm_ticket")
      .whereRaw(PERIOD_SQL, bounds)
      .whereIn("status", ["open", "reopened", "pending_customer"])
      .select("category", knex.raw("count(*)::int AS n"))
      .groupBy("category"),
    knex("crm_ticket")
      .whereRaw(PERIOD_SQL, bounds)
      .whereNotNull("product_id")
      .select("product_id", knex.raw("count(*)::int AS ticket_count"))
      .groupBy("product_id")
      .orderByRaw("count(*) DESC, product_id ASC")
      .limit(TOP_PRODUCTS),
  ])
  const openByCategory = Object.fromEntries(TICKET_CATEGORIES.map((category) => [category, 0])) as Record<TicketCategory, number>
  for (const row of open as { category: TicketCategory; n: number }[]) {
    openByCategory[row.category] = row.n
  }
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    open_by_category: openByCategory,
    median_first_response_minutes: round(totals.median_first_response_minutes, 1),
    median_resolution_minutes: round(totals.median_resolution_minutes, 1),
    breach_rate: totals.ticket_count ? round(totals.breached / totals.ticket_count, 4) : null,
    csat_average: round(totals.csat_average, 2),
    csat_count: totals.csat_count,
    ticket_count: totals.ticket_count,
    top_products: products as { product_id: string; ticket_count: number }[],
  }
}

/**
 * The CSAT customers gave resolved tickets they rated in a period (whole
 * UTC days, either end open): average, count and the 1-5 distribution,
 * for survey results to show alongside.
 */
export async function ticketRatings(
  knex: Knex,
  period: { from: string | null; to: string | null }
): Promise<{ average: number | null; ratings: number; distribution: { score: number; responses: number }[] }> {
  const query = knex("crm_ticket").whereNull("deleted_at").whereNotNull("rating_score")
  if (period.from) query.where("rated_at", ">=", `${period.from}T00:00:00Z`)
  if (period.to) query.where("rated_at", "<", new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000))
  const rows = (await query.select("rating_score AS score", knex.raw("count(*)::int AS responses")).groupBy("rating_score")) as {
    score: number
    responses: number
  }[]
  const ratings = rows.reduce((sum, row) => sum + row.responses, 0)
  const total = rows.reduce((sum, row) => sum + row.score * row.responses, 0)
  return {
    average: ratings ? round(total / ratings, 2) : null,
    ratings,
    distribution: [1, 2, 3, 4, 5].map((score) => ({ score, responses: rows.find((row) => row.score === score)?.responses ?? 0 })),
  }
}
