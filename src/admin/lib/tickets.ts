import type {
  AdminTicket,
  TicketAuthorType,
  TicketCategory,
  TicketOrder,
  TicketPriority,
  TicketStatus,
} from "../../types"
import type { CrmLocale, CrmMessageKey, CrmTranslation } from "./i18n"
import { PRIORITY_COLORS } from "./tiers"

/*
 * The admin imports the shared types only (`import type`): the lists of
 * choices are spelt out here as records over those types, so a value added
 * to TICKET_STATUSES, TICKET_CATEGORIES, TICKET_ORDERS or TICKET_AUTHOR_TYPES
 * fails the typecheck until it has a colour and a label.
 */

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const TICKET_STATUS_COLORS: Record<TicketStatus, BadgeColor> = {
  open: "blue",
  reopened: "purple",
  pending_customer: "orange",
  resolved: "green",
  closed: "grey",
}
export const TICKET_STATUS_OPTIONS = Object.keys(TICKET_STATUS_COLORS) as TicketStatus[]

const STATUS_LABELS: Record<TicketStatus, CrmMessageKey> = {
  open: "tickets.status.open",
  reopened: "tickets.status.reopened",
  pending_customer: "tickets.status.pending_customer",
  resolved: "tickets.status.resolved",
  closed: "tickets.status.closed",
}

export const isTicketStatus = (value: string | null | undefined): value is TicketStatus =>
  !!value && value in STATUS_LABELS

/** A status as words; one this admin does not know yet as it came. */
export const ticketStatusLabel = (status: string, t: CrmTranslation["t"]) =>
  isTicketStatus(status) ? t(STATUS_LABELS[status]) : humanize(status)

const CATEGORY_LABELS: Record<TicketCategory, CrmMessageKey> = {
  product_quality: "tickets.category.product_quality",
  logistics: "tickets.category.logistics",
  after_sales: "tickets.category.after_sales",
  payment: "tickets.category.payment",
  other: "tickets.category.other",
}
export const TICKET_CATEGORY_OPTIONS = Object.keys(CATEGORY_LABELS) as TicketCategory[]

export const isTicketCategory = (value: string | null | undefined): value is TicketCategory =>
  !!value && value in CATEGORY_LABELS

export const ticketCategoryLabel = (category: string, t: CrmTranslation["t"]) =>
  isTicketCategory(category) ? t(CATEGORY_LABELS[category]) : humanize(category)

/** A ticket's priority is a tier's support priority: the same colours and words. */
export const TICKET_PRIORITY_OPTIONS = Object.keys(PRIORITY_COLORS) as TicketPriority[]

export const isTicketPriority = (value: string | null | undefined): value is TicketPriority =>
  !!value && value in PRIORITY_COLORS

export const ticketPriorityLabel = (priority: string, t: CrmTranslation["t"]) =>
  isTicketPriority(priority) ? t(`tiers.priority.${priority}` as CrmMessageKey) : humanize(priority)

const ORDER_LABELS: Record<TicketOrder, CrmMessageKey> = {
  due: "tickets.order.due",
  "-due": "tickets.order.-due",
  "-priority": "tickets.order.-priority",
  priority: "tickets.order.priority",
  "-created_at": "tickets.order.-created_at",
  created_at: "tickets.order.created_at",
  "-updated_at": "tickets.order.-updated_at",
  updated_at: "tickets.order.updated_at",
  "-display_id": "tickets.order.-display_id",
  display_id: "tickets.order.display_id",
}
export const TICKET_ORDER_OPTIONS = Object.keys(ORDER_LABELS) as TicketOrder[]
/** SLA urgency: the earliest running deadline first. */
export const DEFAULT_TICKET_ORDER: TicketOrder = "due"
export const ticketOrderLabel = (order: TicketOrder, t: CrmTranslation["t"]) => t(ORDER_LABELS[order])
export const isTicketOrder = (value: string | null | undefined): value is TicketOrder =>
  !!value && value in ORDER_LABELS

const AUTHOR_LABELS: Record<TicketAuthorType, CrmMessageKey> = {
  customer: "ticket.author.customer",
  user: "ticket.author.user",
  system: "ticket.author.system",
}
export const authorTypeLabel = (type: string, t: CrmTranslation["t"]) =>
  type in AUTHOR_LABELS ? t(AUTHOR_LABELS[type as TicketAuthorType]) : humanize(type)

/**
 * The inbox's tabs: the tickets someone still has to act on (the default),
 * each status, and everything.
 */
export const TICKET_VIEWS = ["active", "open", "reopened", "pending_customer", "resolved", "closed", "all"] as const
export type TicketView = (typeof TICKET_VIEWS)[number]
export const DEFAULT_TICKET_VIEW: TicketView = "active"
const ACTIVE_STATUSES: TicketStatus[] = ["open", "reopened", "pending_customer"]

export const isTicketView = (value: string | null | undefined): value is TicketView =>
  !!value && (TICKET_VIEWS as readonly string[]).includes(value)

/** The `status` filter of a view; undefined: every status. */
export const viewStatuses = (view: TicketView): TicketStatus[] | undefined =>
  view === "all" ? undefined : view === "active" ? ACTIVE_STATUSES : [view]

export const ticketViewLabel = (view: TicketView, t: CrmTranslation["t"]) =>
  view === "all" ? t("tickets.view.all") : view === "active" ? t("tickets.view.active") : ticketStatusLabel(view, t)

/** A view's tickets, from the per-status counts (which ignore the status filter). */
export const viewCount = (view: TicketView, counts: Partial<Record<TicketStatus, number>> | undefined) => {
  if (!counts) {
    return null
  }
  const statuses = viewStatuses(view) ?? TICKET_STATUS_OPTIONS
  return statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0)
}

/** "Jane Doe", else the e-mail, else the id: how a staff user is named. */
export const staffName = (id: string, staff: { id: string; name: string; email: string }[] | undefined) => {
  const user = staff?.find((candidate) => candidate.id === id)
  return user ? user.name || user.email : id
}

/** "#1042". */
export const ticketNumber = (ticket: { display_id: number }) => `#${ticket.display_id}`

export type TicketDue = {
  /** The deadline that matters now: the first response until there is one, then the resolution. */
  due: string | null
  /** Which of the two that is. */
  kind: "first_response" | "resolution"
  /** Past it, with the clock running. */
  overdue: boolean
  /** A target was missed (now or earlier). */
  breached: boolean
  /** The clock is stopped: waiting on the customer, or done. */
  paused: boolean
}

const toTime = (value: string | Date | null | undefined) => {
  if (!value) {
    return null
  }
  const time = (value instanceof Date ? value : new Date(value)).getTime()
  return Number.isNaN(time) ? null : time
}

/** Where a ticket stands against its targets, at `now`. */
export const ticketDue = (
  ticket: Pick<AdminTicket, "sla" | "first_responded_at" | "next_due_at">,
  now: number
): TicketDue => {
  const { sla } = ticket
  const kind = ticket.first_responded_at ? "resolution" : "first_response"
  const due =
    (kind === "first_response" ? sla.first_response_due_at : sla.resolution_due_at) ??
    (ticket.next_due_at ? String(ticket.next_due_at) : null)
  const dueTime = toTime(due)
  return {
    due,
    kind,
    overdue: !sla.paused && dueTime !== null && dueTime < now,
    breached: sla.first_response_breached || sla.resolution_breached,
    paused: sla.paused,
  }
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** "in 3 hours", "2 days ago": a moment relative to `now`, in the admin's language. */
export const formatRelative = (value: string | Date, now: number, locale: CrmLocale) => {
  const time = toTime(value)
  if (time === null) {
    return "-"
  }
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })
  const diff = time - now
  const size = Math.abs(diff)
  if (size < HOUR) {
    return format.format(Math.round(diff / MINUTE), "minute")
  }
  if (size < 2 * DAY) {
    return format.format(Math.round(diff / HOUR), "hour")
  }
  return format.format(Math.round(diff / DAY), "day")
}

/**
 * A duration in minutes as "2 d 4 h", "3 h 20 min" or "45 min": the two
 * largest units, rounded to the minute.
 */
export const formatMinutes = (minutes: number, t: CrmTranslation["t"]) => {
  const total = Math.max(0, Math.round(minutes))
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  const rest = total % 60
  const d = t("tickets.duration.days", { count: days })
  const h = t("tickets.duration.hours", { count: hours })
  const m = t("tickets.duration.minutes", { count: rest })
  if (days) {
    return hours ? `${d} ${h}` : d
  }
  if (hours) {
    return rest ? `${h} ${m}` : h
  }
  return m
}

/** Whole hours and the minutes left over, for the SLA inputs. */
export const splitMinutes = (total: number) => ({
  hours: Math.floor(total / 60),
  minutes: total % 60,
})

/** 540 as "09:00", for a time input; 1440 (midnight at the end of the day) as "00:00". */
export const minuteToTime = (minute: number) => {
  const inDay = ((minute % 1440) + 1440) % 1440
  return `${String(Math.floor(inDay / 60)).padStart(2, "0")}:${String(inDay % 60).padStart(2, "0")}`
}

/**
 * "09:00" as 540; null when it is not a time. A closing time of "00:00"
 * means midnight at the end of the day (1440).
 */
export const timeToMinute = (time: string, { closing = false } = {}) => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim())
  if (!match) {
    return null
  }
  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (hours > 23 || minutes > 59) {
    return null
  }
  const value = hours * 60 + minutes
  return closing && value === 0 ? 1440 : value
}

/** Monday first, as most stores' weeks are read; the values stay 0 (Sunday) to 6. */
export const WEEKDAYS_MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0] as const

/** "Mon" for 1: a weekday (0 = Sunday) in the admin's language. */
export const weekdayLabel = (weekday: number, locale: CrmLocale) =>
  // 2023-01-01 was a Sunday.
  new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(
    new Date(Date.UTC(2023, 0, 1 + weekday))
  )

const FALLBACK_TIME_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
]

/** Every IANA time zone the browser knows (a short list on old browsers), with `current` kept. */
export const timeZoneOptions = (current?: string | null) => {
  const supported = (Intl as unknown as { supportedValuesOf?: (key: string) => string[] })
    .supportedValuesOf?.("timeZone")
  const zones = new Set(supported?.length ? ["UTC", ...supported] : FALLBACK_TIME_ZONES)
  if (current) {
    zones.add(current)
  }
  return [...zones]
}

/** The browser's own time zone, the first guess for business hours. */
export const browserTimeZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"
  } catch {
    return "UTC"
  }
}

/** What a canned response may refer to (the server fills them in for the ticket). */
export const MACRO_PLACEHOLDERS = [
  "customer.first_name",
  "customer.last_name",
  "customer.email",
  "order.display_id",
  "ticket.display_id",
  "ticket.subject",
  "agent.first_name",
  "store.name",
] as const

/** `{{customer.first_name}}`, as typed into a canned response. */
export const placeholderToken = (path: string) => `{{${path}}}`

/** The stats panel's periods, in days. */
export const STATS_PERIODS = [7, 30, 90] as const
export type StatsPeriod = (typeof STATS_PERIODS)[number]

/**
 * The last `days` days up to the end of today, in the browser's time: the
 * same bounds all day, so the query is cached and not refetched every render.
 */
export const statsRange = (days: number, today = new Date()) => {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1))
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)
  return { from: start.toISOString(), to: end.toISOString() }
}

/** "some_code" as words, for codes this admin does not know yet. */
const humanize = (code: string) => {
  const words = code.replace(/[_-]+/g, " ").trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code
}
