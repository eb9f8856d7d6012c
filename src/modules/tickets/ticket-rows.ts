import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type { TicketAuthorType, TicketDTO } from "../../types/tickets"

/** What a change did, enough to take it back (workflow compensation). */
export type TicketUndo = {
  ticket_id: string
  /** The ticket as it was; null when the change created it (an undo deletes it). */
  before: TicketDTO | null
  message_ids: string[]
}

export type NewMessage = {
  author_type: TicketAuthorType
  author_id: string | null
  body: string
  internal: boolean
}

/** The columns a change may write back; an undo restores exactly these. */
const WRITABLE = [
  "subject",
  "category",
  "priority",
  "sla_priority",
  "status",
  "assignee_id",
  "first_responded_at",
  "resolved_at",
  "closed_at",
  "pauses",
  "first_response_due_at",
  "resolution_due_at",
  "next_due_at",
  "last_message_at",
  "first_response_escalated_at",
  "resolution_escalated_at",
  "flagged",
  "rating_score",
  "rating_comment",
  "rated_at",
] as const

export type TicketChanges = Partial<Pick<TicketDTO, (typeof WRITABLE)[number]>>

/**
 * The ticket locked for update; 404 when it does not exist or, given
 * `customer_id`, is not that customer's (another customer's ticket is
 * "not found", never "forbidden").
 */
export async function lockTicket(knex: Knex, id: string, customerId?: string): Promise<TicketDTO> {
  const query = knex("crm_ticket").select("*").where({ id }).whereNull("deleted_at").forUpdate()
  const [row] = customerId ? await query.andWhere({ customer_id: customerId }) : await query
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Ticket with id: ${id} was not found`)
  }
  return row as TicketDTO
}

export async function writeTicket(knex: Knex, id: string, changes: TicketChanges): Promise<void> {
  const row: Record<string, unknown> = { updated_at: knex.fn.now() }
  for (const column of WRITABLE) {
    if (column in changes) {
      const value = changes[column]
      row[column] = column === "pauses" ? JSON.stringify(value) : value
    }
  }
  await knex("crm_ticket").update(row).where({ id })
}

export async function appendMessages(knex: Knex, ticketId: string, messages: NewMessage[], now: Date): Promise<string[]> {
  return await appendMessagesToTickets(knex, messages.map((message) => ({ ...message, ticket_id: ticketId })), now)
}

/** Writes messages (of one or many tickets) in one INSERT; returns their ids in the same order. */
export async function appendMessagesToTickets(knex: Knex, messages: (NewMessage & { ticket_id: string })[], now: Date): Promise<string[]> {
  if (!messages.length) {
    return []
  }
  // Apart by a millisecond each, so that a conversation's order is the order written.
  const rows = messages.map((message, index) => ({
    id: generateEntityId("", "tktmsg"),
    ...message,
    created_at: new Date(now.getTime() + index),
    updated_at: new Date(now.getTime() + index),
  }))
  await knex("crm_ticket_message").insert(rows)
  return rows.map((row) => row.id)
}

/** Puts the ticket back as `undo` found it and removes the messages the change wrote (or the ticket it created). */
export async function undoTicketChange(knex: Knex, undo: TicketUndo): Promise<void> {
  if (undo.message_ids.length) {
    await knex("crm_ticket_message").whereIn("id", undo.message_ids).delete()
  }
  if (!undo.before) {
    await knex("crm_ticket_message").where({ ticket_id: undo.ticket_id }).delete()
    await knex("crm_ticket_compensation").where({ ticket_id: undo.ticket_id }).delete()
    await knex("crm_ticket").where({ id: undo.ticket_id }).delete()
    return
  }
  const before = undo.before
  await writeTicket(knex, undo.ticket_id, Object.fromEntries(WRITABLE.map((column) => [column, before[column]])))
}
