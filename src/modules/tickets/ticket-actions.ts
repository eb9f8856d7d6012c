import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type {
  TicketCategory,
  TicketCompensationType,
  TicketDTO,
  TicketPriority,
  TicketPromotionValueType,
  TicketSettingsDTO,
  TicketSource,
  TicketStatus,
} from "../../types/tickets"
import { canMoveTicket, statusAfterCustomerMessage, TICKET_TRANSITIONS } from "./status"
import { appendMessages, lockTicket, NewMessage, TicketChanges, TicketUndo, writeTicket } from "./ticket-rows"
import { statusMove, ticketSla } from "./ticket-state"

type SlaSettings = Pick<TicketSettingsDTO, "sla" | "business_hours">

export type OpenTicketInput = {
  customer_id: string
  subject: string
  category: TicketCategory
  priority: TicketPriority
  order_id: string | null
  product_id: string | null
  source: TicketSource
  /** The review or survey response it comes from: a second open for the same source returns the first ticket. */
  source_id: string | null
  assignee_id?: string | null
  message: NewMessage
}

export type StatusChange = { from: TicketStatus; to: TicketStatus; message_id: string }

export const STATUS_LABELS: Record<TicketStatus, string> = {
  open: "Open",
  pending_customer: "Waiting for the customer",
  resolved: "Resolved",
  closed: "Closed",
  reopened: "Reopened",
}

const statusNote = (from: TicketStatus, to: TicketStatus): NewMessage => ({
  author_type: "system",
  author_id: null,
  body: `Status changed from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}`,
  internal: false,
})

const staffNote = (body: string, actorId: string | null): NewMessage => ({
  author_type: "system",
  author_id: actorId,
  body,
  internal: true,
})

/** The deadlines after a change: recomputed from the ticket as it will be. */
const withDeadlines = (ticket: TicketDTO, changes: TicketChanges, settings: SlaSettings, now: Date): TicketChanges => ({
  ...changes,
  ...ticketSla({ ...ticket, ...changes }, settings, now).deadlines,
})

export async function openTicket(knex: Knex, settings: SlaSettings, input: OpenTicketInput, now: Date) {
  if (input.source_id) {
    const [existing] = await knex("crm_ticket")
      .select("*")
      .where({ source: input.source, source_id: input.source_id })
      .whereNull("deleted_at")
    if (existing) {
      return { ticket: existing as TicketDTO, created: false, undo: null }
    }
  }
  const id = generateEntityId("", "tkt")
  const draft = {
    status: "open" as const,
    priority: input.priority,
    sla_priority: input.priority,
    created_at: now,
    first_responded_at: null,
    resolved_at: null,
    closed_at: null,
    pauses: [],
  }
  const { deadlines } = ticketSla(draft, settings, now)
  // The partial unique index on (source, source_id) settles a race between two deliveries of the same event.
  const inserted = await knex.raw(
    `INSERT INTO crm_ticket (id, customer_id, order_id, product_id, subject, category, priority, sla_priority, status, assignee_id,
       source, source_id, pauses, first_response_due_at, resolution_due_at, next_due_at, last_message_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source, source_id) WHERE deleted_at IS NULL AND source_id IS NOT NULL DO NOTHING
     RETURNING id`,
    [
      id,
      input.customer_id,
      input.order_id,
      input.product_id,
      input.subject,
      input.category,
      input.priority,
      input.priority,
      input.assignee_id ?? null,
      input.source,
      input.source_id,
      deadlines.first_response_due_at,
      deadlines.resolution_due_at,
      deadlines.next_due_at,
      input.message.internal ? null : now,
      now,
      now,
    ]
  )
  if (!inserted.rows.length) {
    return await openTicket(knex, settings, input, now)
  }
  const messageIds = await appendMessages(knex, id, [input.message], now)
  const ticket = await lockTicket(knex, id)
  const undo: TicketUndo = { ticket_id: id, before: null, message_ids: messageIds }
  return { ticket, created: true, undo }
}

export type AddMessageInput = {
  ticket_id: string
  /** Given for the store API: the ticket must be this customer's. */
  customer_id?: string
  message: NewMessage
  /** Staff may set the status with their reply (e.g. waiting on the customer). */
  status?: TicketStatus
}

/**
 * A message on the ticket. The customer's reply ends a wait and reopens a
 * resolved ticket; staff's first public reply stops the first-response
 * clock. A closed ticket takes internal notes only.
 */
export async function addTicketMessage(knex: Knex, settings: SlaSettings, input: AddMessageInput, now: Date) {
  const ticket = await lockTicket(knex, input.ticket_id, input.customer_id)
  const { message } = input
  const byCustomer = message.author_type === "customer"
  let to: TicketStatus | null = input.status ?? null
  if (byCustomer) {
    to = statusAfterCustomerMessage(ticket.status)
    if (to === null) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This ticket is closed: please open a new ticket")
    }
  } else if (ticket.status === "closed" && !message.internal) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "This ticket is closed: only internal notes can be added")
  }
  if (to === ticket.status) {
    to = null
  }
  if (to && !canMoveTicket(ticket.status, to)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, transitionError(ticket.status, to))
  }
  const changes: TicketChanges = {}
  if (!message.internal) {
    changes.last_message_at = now
    if (message.author_type === "user" && !ticket.first_responded_at) {
      changes.first_responded_at = now
    }
  }
  const messages = [message]
  if (to) {
    Object.assign(changes, statusMove(ticket, to, now))
    messages.push(statusNote(ticket.status, to))
  }
  await writeTicket(knex, ticket.id, withDeadlines(ticket, changes, settings, now))
  const messageIds = await appendMessages(knex, ticket.id, messages, now)
  const statusChange: StatusChange | null = to ? { from: ticket.status, to, message_id: messageIds[1] } : null
  return {
    ticket: await lockTicket(knex, ticket.id),
    message_id: messageIds[0],
    status_change: statusChange,
    undo: { ticket_id: ticket.id, before: ticket, message_ids: messageIds } as TicketUndo,
  }
}

export type ChangeTicketInput = {
  id: string
  status?: TicketStatus
  priority?: TicketPriority
  category?: TicketCategory
  assignee_id?: string | null
  actor_id: string | null
}

/** "An open ticket", "a resolved ticket": the start of a refused move's message. */
const TICKET_IN_STATUS: Record<TicketStatus, string> = {
  open: "An open ticket",
  pending_customer: "A ticket waiting for the customer",
  resolved: "A resolved ticket",
  closed: "A closed ticket",
  reopened: "A reopened ticket",
}

export const transitionError = (from: TicketStatus, to: TicketStatus) => {
  const allowed = TICKET_TRANSITIONS[from]
  return `${TICKET_IN_STATUS[from]} cannot become ${STATUS_LABELS[to].toLowerCase()}; ${
    allowed.length ? `allowed: ${allowed.join(", ")}` : "it can no longer change"
  }`
}

/** Staff change a ticket's status, priority, category or assignee; each change is noted in the conversation. */
export async function changeTicket(knex: Knex, settings: SlaSettings, input: ChangeTicketInput, now: Date) {
  const ticket = await lockTicket(knex, input.id)
  const changes: TicketChanges = {}
  const notes: NewMessage[] = []
  let statusChange: Omit<StatusChange, "message_id"> | null = null
  if (input.status && input.status !== ticket.status) {
    if (!canMoveTicket(ticket.status, input.status)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, transitionError(ticket.status, input.status))
    }
    Object.assign(changes, statusMove(ticket, input.status, now))
    notes.push(statusNote(ticket.status, input.status))
    statusChange = { from: ticket.status, to: input.status }
  }
  if (input.priority && input.priority !== ticket.priority) {
    changes.priority = input.priority
    changes.sla_priority = input.priority
    notes.push(staffNote(`Priority changed from ${ticket.priority} to ${input.priority}`, input.actor_id))
  }
  if (input.category && input.category !== ticket.category) {
    changes.category = input.category
    notes.push(staffNote(`Category changed from ${ticket.category} to ${input.category}`, input.actor_id))
  }
  if (input.assignee_id !== undefined && input.assignee_id !== ticket.assignee_id) {
    changes.assignee_id = input.assignee_id
    notes.push(staffNote(input.assignee_id ? `Assigned to ${input.assignee_id}` : "Unassigned", input.actor_id))
  }
  if (!notes.length) {
    return { ticket, status_change: null, undo: null }
  }
  await writeTicket(knex, ticket.id, withDeadlines(ticket, changes, settings, now))
  const messageIds = await appendMessages(knex, ticket.id, notes, now)
  return {
    ticket: await lockTicket(knex, ticket.id),
    // The status note is always written first.
    status_change: statusChange ? { ...statusChange, message_id: messageIds[0] } : null,
    undo: { ticket_id: ticket.id, before: ticket, message_ids: messageIds } as TicketUndo,
  }
}

/** The customer rates the handling once the ticket is resolved (or closed after resolution); once. */
export async function rateTicket(
  knex: Knex,
  input: { id: string; customer_id: string; score: number; comment: string | null },
  now: Date
) {
  const ticket = await lockTicket(knex, input.id, input.customer_id)
  if (!ticket.resolved_at || !["resolved", "closed"].includes(ticket.status)) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "A ticket can be rated once it is resolved")
  }
  if (ticket.rated_at) {
    throw new MedusaError(MedusaError.Types.CONFLICT, "You have already rated this ticket")
  }
  await writeTicket(knex, ticket.id, { rating_score: input.score, rating_comment: input.comment, rated_at: now })
  return {
    ticket: await lockTicket(knex, ticket.id),
    undo: { ticket_id: ticket.id, before: ticket, message_ids: [] } as TicketUndo,
  }
}

export type NewCompensation = {
  ticket_id: string
  type: TicketCompensationType
  points?: number | null
  promotion_id?: string | null
  promotion_code?: string | null
  value_type?: TicketPromotionValueType | null
  value?: number | null
  currency_code?: string | null
  created_by: string | null
}

const alreadyCompensated = (type: TicketCompensationType) =>
  new MedusaError(
    MedusaError.Types.CONFLICT,
    type === "points" ? "This ticket has already been compensated with points" : "This ticket already has a promotion code"
  )

/** 409 when the ticket already has a compensation of this kind: checked before anything is given. */
export async function assertNotCompensated(knex: Knex, ticketId: string, type: TicketCompensationType) {
  await lockTicket(knex, ticketId)
  const [existing] = await knex("crm_ticket_compensation").select("id").where({ ticket_id: ticketId, type }).whereNull("deleted_at")
  if (existing) {
    throw alreadyCompensated(type)
  }
}

/** Records what was given; the unique index keeps it to one of each kind per ticket, even under a race. */
export async function recordCompensation(knex: Knex, input: NewCompensation, now: Date): Promise<string> {
  await lockTicket(knex, input.ticket_id)
  const id = generateEntityId("", "tktcmp")
  const { rows } = await knex.raw(
    `INSERT INTO crm_ticket_compensation (id, ticket_id, type, points, promotion_id, promotion_code, value_type, value, currency_code, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (ticket_id, type) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
    [
      id,
      input.ticket_id,
      input.type,
      input.points ?? null,
      input.promotion_id ?? null,
      input.promotion_code ?? null,
      input.value_type ?? null,
      input.value ?? null,
      input.currency_code ?? null,
      input.created_by,
      now,
      now,
    ]
  )
  if (!rows.length) {
    throw alreadyCompensated(input.type)
  }
  return id
}
