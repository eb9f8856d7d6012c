import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { SlaBreach, TicketDTO, TicketPriority } from "../../types/tickets"
import { appendMessagesToTickets } from "./ticket-rows"

const RAISE_PRIORITY_SQL = `CASE t.priority WHEN 'low' THEN 'normal' WHEN 'normal' THEN 'high' ELSE 'urgent' END`

/** Which tickets have missed a target, per breach: still running, past due, not escalated for it yet. */
const BREACH_SQL: Record<SlaBreach, { due: string; escalated: string; open: string }> = {
  first_response: {
    due: "first_response_due_at",
    escalated: "first_response_escalated_at",
    open: "first_responded_at IS NULL",
  },
  resolution: { due: "resolution_due_at", escalated: "resolution_escalated_at", open: "TRUE" },
}

export type Escalation = {
  ticket: TicketDTO
  breach: SlaBreach
  previous_priority: TicketPriority
  previous_flagged: boolean
  due_at: Date
  message_id: string
}

/**
 * Escalates up to `limit` tickets past a due time of `breach`: priority one
 * step up, flagged, and the breach's `*_escalated_at` set in the same
 * UPDATE that picks them, so a breach escalates once however often (or on
 * however many workers) the job runs. Rows another run holds are skipped.
 */
export async function escalateBreaches(knex: Knex, breach: SlaBreach, now: Date, limit: number): Promise<Escalation[]> {
  const sql = BREACH_SQL[breach]
  const { rows } = await knex.raw(
    `WITH due AS (
       SELECT id, priority, flagged FROM crm_ticket
       WHERE deleted_at IS NULL AND status IN ('open', 'reopened') AND ${sql.open}
         AND ${sql.due} < ? AND ${sql.escalated} IS NULL
       ORDER BY ${sql.due}
       LIMIT ? FOR UPDATE SKIP LOCKED
     )
     UPDATE crm_ticket t SET ${sql.escalated} = ?, flagged = true, priority = ${RAISE_PRIORITY_SQL}, updated_at = now()
     FROM due WHERE t.id = due.id
     RETURNING t.*, due.priority AS previous_priority, due.flagged AS previous_flagged`,
    [now, limit, now]
  )
  const picked = rows as (TicketDTO & { previous_priority: TicketPriority; previous_flagged: boolean })[]
  const what = breach === "first_response" ? "first response" : "resolution"
  const messageIds = await appendMessagesToTickets(
    knex,
    picked.map((row) => ({
      ticket_id: row.id,
      author_type: "system" as const,
      author_id: null,
      body: `Escalated: the ${what} was due ${new Date(row[sql.due as "resolution_due_at"] as Date).toISOString()}${
        row.previous_priority === row.priority ? "" : `; priority raised from ${row.previous_priority} to ${row.priority}`
      }`,
      internal: true,
    })),
    now
  )
  return picked.map(({ previous_priority, previous_flagged, ...ticket }, index) => ({
    ticket,
    breach,
    previous_priority,
    previous_flagged,
    due_at: new Date(ticket[sql.due as "resolution_due_at"] as Date),
    message_id: messageIds[index],
  }))
}

/** Takes escalations back (compensation): the breach can escalate again on the next run. */
export async function undoEscalations(knex: Knex, escalations: Pick<Escalation, "breach" | "previous_priority" | "previous_flagged" | "message_id" | "ticket">[]) {
  // Newest first: the second breach of a ticket recorded the first one's result as its "previous" state.
  for (const escalation of [...escalations].reverse()) {
    await knex("crm_ticket")
      .update({
        [BREACH_SQL[escalation.breach].escalated]: null,
        priority: escalation.previous_priority,
        flagged: escalation.previous_flagged,
      })
      .where({ id: escalation.ticket.id })
    await knex("crm_ticket_message").where({ id: escalation.message_id }).delete()
  }
}

export type AutoClosure = { ticket: TicketDTO; message_id: string }

/**
 * Closes up to `limit` tickets resolved more than `days` days before `now`
 * (the customer neither replied nor reopened them), each with a note in the
 * conversation. The clock's pause that began at resolution keeps running.
 */
export async function closeResolvedTickets(knex: Knex, days: number, now: Date, limit: number): Promise<AutoClosure[]> {
  const { rows } = await knex.raw(
    `WITH due AS (
       SELECT id FROM crm_ticket
       WHERE deleted_at IS NULL AND status = 'resolved' AND resolved_at <= ?::timestamptz - make_interval(days => ?)
       ORDER BY resolved_at
       LIMIT ? FOR UPDATE SKIP LOCKED
     )
     UPDATE crm_ticket t SET status = 'closed', closed_at = ?, updated_at = now()
     FROM due WHERE t.id = due.id
     RETURNING t.*`,
    [now, days, limit, now]
  )
  const tickets = rows as TicketDTO[]
  const messageIds = await appendMessagesToTickets(
    knex,
    tickets.map((ticket) => ({
      ticket_id: ticket.id,
      author_type: "system" as const,
      author_id: null,
      body: `Status changed from Resolved to Closed (closed automatically after ${days} days)`,
      internal: false,
    })),
    now
  )
  return tickets.map((ticket, index) => ({ ticket, message_id: messageIds[index] }))
}

export async function undoClosures(knex: Knex, closures: AutoClosure[]) {
  if (!closures.length) {
    return
  }
  await knex("crm_ticket")
    .update({ status: "resolved", closed_at: null })
    .whereIn("id", closures.map((closure) => closure.ticket.id))
  await knex("crm_ticket_message").whereIn("id", closures.map((closure) => closure.message_id)).delete()
}
