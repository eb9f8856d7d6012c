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
