import { SUPPORT_PRIORITIES, type SupportPriority } from "./tiers"

/** Shared by the tickets module, its routes, the admin and the client (admin: `import type` only). */
export const TICKET_CATEGORIES = ["product_quality", "logistics", "after_sales", "payment", "other"] as const
export type TicketCategory = (typeof TICKET_CATEGORIES)[number]

/** A ticket's priority is a tier's support priority: the same four levels. */
export const TICKET_PRIORITIES = SUPPORT_PRIORITIES
export type TicketPriority = SupportPriority

export const TICKET_STATUSES = ["open", "pending_customer", "resolved", "closed", "reopened"] as const
export type TicketStatus = (typeof TICKET_STATUSES)[number]

/** Where a ticket came from: the customer, staff, or another capability (a low review, a survey detractor). */
export const TICKET_SOURCES = ["customer", "staff", "review", "survey"] as const
export type TicketSource = (typeof TICKET_SOURCES)[number]

export const TICKET_AUTHOR_TYPES = ["customer", "user", "system"] as const
export type TicketAuthorType = (typeof TICKET_AUTHOR_TYPES)[number]

/** First-response and resolution targets of one priority, in working minutes. */
export type SlaTarget = { first_response_minutes: number; resolution_minutes: number }

export type SlaPolicy = Record<TicketPriority, SlaTarget>

export const TICKET_SETTINGS_ID = "tktset_default"

export type TicketSettingsDTO = {
  id: string
  sla: SlaPolicy
  /** `{ time_zone, weekdays, start_minute, end_minute }`; null: the clock runs around the clock. */
  business_hours: { time_zone: string; weekdays: number[]; start_minute: number; end_minute: number } | null
  auto_close_days: number
  escalation_email: string | null
}

export type UpdateTicketSettings = Partial<Omit<TicketSettingsDTO, "id">>

export const TICKET_COMPENSATION_TYPES = ["points", "promotion"] as const
export type TicketCompensationType = (typeof TICKET_COMPENSATION_TYPES)[number]

export const TICKET_PROMOTION_VALUE_TYPES = ["percentage", "fixed"] as const
export type TicketPromotionValueType = (typeof TICKET_PROMOTION_VALUE_TYPES)[number]

/** `order` values of `GET /admin/tickets`; `due` (the default) is SLA urgency: the earliest running deadline first. */
export const TICKET_ORDERS = ["due", "-due", "created_at", "-created_at", "updated_at", "-updated_at", "priority", "-priority", "display_id", "-display_id"] as const
export type TicketOrder = (typeof TICKET_ORDERS)[number]

export type TicketMessageDTO = {
  id: string
  ticket_id: string
  author_type: TicketAuthorType
  author_id: string | null
  body: string
  /** An internal note: staff only, never in a store response. */
  internal: boolean
  created_at: Date | string
}

export type TicketCompensationDTO = {
  id: string
  ticket_id: string
  type: TicketCompensationType
  points: number | null
  promotion_id: string | null
  promotion_code: string | null
  value_type: TicketPromotionValueType | null
  value: number | null
  currency_code: string | null
  created_by: string | null
  created_at: Date | string
}

export type TicketDTO = {
  id: string
  display_id: number
  customer_id: string
  order_id: string | null
  product_id: string | null
  subject: string
  category: TicketCategory
  priority: TicketPriority
  /** The priority whose targets set the due times (an escalation raises `priority` only); null: `priority`. */
  sla_priority: TicketPriority | null
  status: TicketStatus
  assignee_id: string | null
  source: TicketSource
  source_id: string | null
  first_responded_at: Date | string | null
  resolved_at: Date | string | null
  closed_at: Date | string | null
  pauses: { start: string; end: string | null }[]
  first_response_due_at: Date | string | null
  resolution_due_at: Date | string | null
  next_due_at: Date | string | null
  last_message_at: Date | string | null
  first_response_escalated_at: Date | string | null
  resolution_escalated_at: Date | string | null
  flagged: boolean
  rating_score: number | null
  rating_comment: string | null
  rated_at: Date | string | null
  metadata: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
}

/** Due times and whether each target is (or was) missed, at the time of the answer. */
export type TicketSla = {
  first_response_due_at: string | null
  resolution_due_at: string | null
  first_response_breached: boolean
  resolution_breached: boolean
  /** The clock is stopped: waiting on the customer, or done. */
  paused: boolean
}

/** A ticket in the store API: no assignee, no internal notes, no escalation flags. */
export type StoreTicket = Pick<
  TicketDTO,
  "id" | "display_id" | "order_id" | "product_id" | "subject" | "category" | "status" | "resolved_at" | "closed_at" | "rating_score" | "rating_comment" | "rated_at" | "created_at" | "updated_at" | "last_message_at"
> & {
  /** The public conversation (customer and staff messages, status notes); present on a single ticket. */
  messages?: Pick<TicketMessageDTO, "id" | "author_type" | "body" | "created_at">[]
  /** What the store gave to make up for it. */
  compensations: Pick<TicketCompensationDTO, "id" | "type" | "points" | "promotion_code" | "value_type" | "value" | "currency_code" | "created_at">[]
  /** Whether the customer may rate the handling now (resolved or closed, not rated yet). */
  can_rate: boolean
}

export type AdminTicket = TicketDTO & {
  sla: TicketSla
  customer: { id: string; email: string | null; first_name: string | null; last_name: string | null } | null
  order: { id: string; display_id: number | null } | null
}

/** `GET /admin/tickets/:id`: everything staff need beside the conversation. */
export type AdminTicketDetail = AdminTicket & {
  messages: TicketMessageDTO[]
  compensations: TicketCompensationDTO[]
  /** The customer's loyalty standing; null when they have no account. */
  loyalty: { points_balance: number; lifetime_points: number; tier: { id: string; name: string; support_priority: TicketPriority } | null } | null
  recent_orders: { id: string; display_id: number | null; status: string; total: number | null; currency_code: string | null; created_at: Date | string }[]
  /** The transitions staff may make from the current status. */
  allowed_statuses: TicketStatus[]
}

export type AdminTicketsResponse = {
  tickets: AdminTicket[]
  count: number
  offset: number
  limit: number
  /** Tickets per status under the same filters apart from status: the inbox tabs. */
  status_counts: Record<TicketStatus, number>
  /** How many of the filtered tickets are past a due time. */
  overdue_count: number
}

export type TicketMacroDTO = {
  id: string
  name: string
  category: TicketCategory | null
  body: string
  created_at: Date | string
  updated_at: Date | string
}

export type TicketStats = {
  from: string
  to: string
  /** Unresolved tickets (open, reopened, pending customer) created in the period, per category. */
  open_by_category: Record<TicketCategory, number>
  median_first_response_minutes: number | null
  median_resolution_minutes: number | null
  /** Share (0-1) of the period's tickets that missed a target; null without tickets. */
  breach_rate: number | null
  csat_average: number | null
  csat_count: number
  ticket_count: number
  top_products: { product_id: string; title: string | null; ticket_count: number }[]
}

/** Payload of `crm.survey.detractor` (the surveys capability emits it): a detractor's answer opens a ticket. */
export type SurveyDetractorEventData = {
  response_id: string
  survey_id: string
  customer_id: string
  /** NPS 0-10 or CSAT 1-5. */
  score: number
  survey_type?: string | null
  comment?: string | null
  order_id?: string | null
  ticket_id?: string | null
}

/** Payload of the `crm.ticket.*` events. */
export type TicketEventData = {
  id: string
  display_id: number
  customer_id: string
  order_id: string | null
  status: TicketStatus
  priority: TicketPriority
  category: TicketCategory
}

export const TicketEvents = {
  CREATED: "crm.ticket.created",
  /** Staff wrote a public reply (not an internal note): the customer is told by e-mail. */
  REPLIED: "crm.ticket.replied",
  /** The customer wrote. */
  CUSTOMER_REPLIED: "crm.ticket.customer_replied",
  /** Any status move, by staff, the customer's reply or a job: the customer is told by e-mail. */
  STATUS_CHANGED: "crm.ticket.status_changed",
  /** A ticket became resolved: a CSAT survey can follow. */
  RESOLVED: "crm.ticket.resolved",
  /** A due time was missed; once per breach. */
  ESCALATED: "crm.ticket.escalated",
  RATED: "crm.ticket.rated",
  COMPENSATED: "crm.ticket.compensated",
} as const

/** The two targets a ticket can miss. */
export const SLA_BREACHES = ["first_response", "resolution"] as const
export type SlaBreach = (typeof SLA_BREACHES)[number]

/** `crm.ticket.replied`: the staff message the customer should hear about. */
export type TicketRepliedEventData = TicketEventData & { message_id: string }

/** `crm.ticket.status_changed` (and `crm.ticket.resolved`): `message_id` is the status note in the conversation. */
export type TicketStatusChangedEventData = TicketEventData & {
  from_status: TicketStatus
  message_id: string
  /** Who moved it: staff, the customer (a reply reopening it) or the system (auto-close). */
  actor_type: TicketAuthorType
}

/** `crm.ticket.escalated`. */
export type TicketEscalatedEventData = TicketEventData & {
  breach: SlaBreach
  /** The priority before the escalation raised it (equal when already urgent). */
  previous_priority: TicketPriority
  due_at: string
  escalated_at: string
}

/** Events of the surveys capability that the tickets capability listens to. */
export const SurveyEvents = {
  DETRACTOR: "crm.survey.detractor",
  /** Any stored answer (`SurveyRespondedEventData`). */
  RESPONDED: "crm.survey.responded",
} as const
