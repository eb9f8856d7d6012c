import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  TICKET_STATUSES,
  type TicketCategory,
  type TicketDTO,
  type TicketOrder,
  type TicketPriority,
  type TicketStatus,
} from "../../types/tickets"

export type InboxFilters = {
  status?: TicketStatus[]
  priority?: TicketPriority[]
  category?: TicketCategory[]
  /** A user id, or "none" for unassigned tickets. */
  assignee_id?: string
  overdue?: boolean
  flagged?: boolean
  customer_id?: string
  order_id?: string
  product_id?: string
  /** Words of the subject, or a ticket number ("123" or "#123"). */
  q?: string
}

export type InboxPage = {
  tickets: TicketDTO[]
  count: number
  status_counts: Record<TicketStatus, number>
  overdue_count: number
}

/** Past a due time that is still running: only open and reopened tickets have one. */
const OVERDUE_SQL = `status IN ('open', 'reopened') AND next_due_at < ?`

const ORDER_SQL: Record<TicketOrder, string> = {
  due: "next_due_at ASC NULLS LAST, id ASC",
  "-due": "next_due_at DESC NULLS LAST, id DESC",
  created_at: "created_at ASC, id ASC",
  "-created_at": "created_at DESC, id DESC",
  updated_at: "updated_at ASC, id ASC",
  "-updated_at": "updated_at DESC, id DESC",
  priority: "array_position(ARRAY['low','normal','high','urgent'], priority) ASC, next_due_at ASC NULLS LAST, id ASC",
  "-priority": "array_position(ARRAY['low','normal','high','urgent'], priority) DESC, next_due_at ASC NULLS LAST, id ASC",
  display_id: "display_id ASC",
  "-display_id": "display_id DESC",
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`)

/** Every filter but the status, which the per-status counts leave out. */
function applyFilters(query: Knex.QueryBuilder, filters: InboxFilters, now: Date) {
  query.whereNull("deleted_at")
  if (filters.priority?.length) query.whereIn("priority", filters.priority)
  if (filters.category?.length) query.whereIn("category", filters.category)
  if (filters.assignee_id === "none") query.whereNull("assignee_id")
  else if (filters.assignee_id) query.where("assignee_id", filters.assignee_id)
  if (filters.overdue === true) query.whereRaw(OVERDUE_SQL, [now])
  else if (filters.overdue === false) query.whereRaw(`NOT COALESCE(${OVERDUE_SQL}, false)`, [now])
  if (filters.flagged !== undefined) query.where("flagged", filters.flagged)
  if (filters.customer_id) query.where("customer_id", filters.customer_id)
  if (filters.order_id) query.where("order_id", filters.order_id)
  if (filters.product_id) query.where("product_id", filters.product_id)
  const q = filters.q?.trim()
  if (q) {
    const number = /^#?(\d{1,9})$/.exec(q)
    query.where((inner) => {
      inner.whereRaw("subject ILIKE ?", [`%${escapeLike(q)}%`])
      if (number) inner.orWhere("display_id", Number(number[1]))
    })
  }
  return query
}

/**
 * One page of the staff inbox, the filtered count, the count per status
 * (the tabs: every filter but the status) and how many are overdue. Two
 * queries: the page, and one aggregate that yields all the counts.
 */
export async function inboxPage(
  knex: Knex,
  filters: InboxFilters,
  page: { order: TicketOrder; limit: number; offset: number },
  now: Date
): Promise<InboxPage> {
  const rowsQuery = applyFilters(knex("crm_ticket").select("*"), filters, now)
  if (filters.status?.length) rowsQuery.whereIn("status", filters.status)
  rowsQuery.orderByRaw(ORDER_SQL[page.order]).limit(page.limit).offset(page.offset)

  const countsQuery = applyFilters(
    knex("crm_ticket").select("status", knex.raw("count(*)::int AS n"), knex.raw(`count(*) FILTER (WHERE ${OVERDUE_SQL})::int AS overdue`, [now])),
    filters,
    now
  ).groupBy("status")

  const [rows, counts] = await Promise.all([rowsQuery, countsQuery])
  const statusCounts = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>
  let count = 0
  let overdue = 0
  for (const row of counts as { status: TicketStatus; n: number; overdue: number }[]) {
    statusCounts[row.status] = row.n
    if (!filters.status?.length || filters.status.includes(row.status)) {
      count += row.n
      overdue += row.overdue
    }
  }
  return { tickets: rows as TicketDTO[], count, status_counts: statusCounts, overdue_count: overdue }
}

/** A customer's own tickets, newest first. */
export async function customerTicketsPage(
  knex: Knex,
  customerId: string,
  filters: { status?: TicketStatus[] },
  page: { limit: number; offset: number }
) {
  const base = () => {
    const query = knex("crm_ticket").where({ customer_id: customerId }).whereNull("deleted_at")
    if (filters.status?.length) query.whereIn("status", filters.status)
    return query
  }
  const [rows, [{ n }]] = await Promise.all([
    base().select("*").orderBy([{ column: "created_at", order: "desc" }, { column: "id", order: "desc" }]).limit(page.limit).offset(page.offset),
    base().count<{ n: string }[]>("* as n"),
  ])
  return { tickets: rows as TicketDTO[], count: Number(n) }
}
