import type {
  AutoApprovePolicy,
  ModerationActorType,
  ModerationEvent,
  ModerationRuleName,
  RatingSummary,
  ReviewOrder,
  ReviewStatus,
  RuleAction,
  RuleVerdict,
} from "../../types"
import type { CrmMessageKey, CrmTranslation } from "./i18n"

/*
 * The admin imports the shared types only (`import type`): the lists of
 * choices are spelt out here as records over those types, so a value added
 * to REVIEW_STATUSES, MODERATION_RULES, MODERATION_EVENTS, RULE_ACTIONS,
 * AUTO_APPROVE_POLICIES or REVIEW_ORDERS fails the typecheck until it has a
 * colour and a label.
 */

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

export const REVIEW_STATUS_COLORS: Record<ReviewStatus, BadgeColor> = {
  pending: "orange",
  approved: "green",
  rejected: "red",
  flagged: "purple",
}
export const REVIEW_STATUS_OPTIONS = Object.keys(REVIEW_STATUS_COLORS) as ReviewStatus[]

const STATUS_LABELS: Record<ReviewStatus, CrmMessageKey> = {
  pending: "reviews.status.pending",
  approved: "reviews.status.approved",
  rejected: "reviews.status.rejected",
  flagged: "reviews.status.flagged",
}

/** A status as words; a status this admin does not know yet as it came. */
export const reviewStatusLabel = (status: string, t: CrmTranslation["t"]) =>
  status in STATUS_LABELS ? t(STATUS_LABELS[status as ReviewStatus]) : status

export const isReviewStatus = (value: string | null | undefined): value is ReviewStatus =>
  !!value && value in REVIEW_STATUS_COLORS

const ORDER_LABELS: Record<ReviewOrder, CrmMessageKey> = {
  "-created_at": "reviews.order.newest",
  created_at: "reviews.order.oldest",
  "-rating": "reviews.order.highest",
  rating: "reviews.order.lowest",
  "-helpful_count": "reviews.order.helpful",
}
export const REVIEW_ORDER_OPTIONS = Object.keys(ORDER_LABELS) as ReviewOrder[]
export const DEFAULT_REVIEW_ORDER: ReviewOrder = "-created_at"
export const reviewOrderLabel = (order: ReviewOrder, t: CrmTranslation["t"]) => t(ORDER_LABELS[order])
export const isReviewOrder = (value: string | null | undefined): value is ReviewOrder =>
  !!value && value in ORDER_LABELS

const RULE_LABELS: Record<ModerationRuleName, CrmMessageKey> = {
  blocked_words: "reviews.rule.blocked_words",
  links: "reviews.rule.links",
  all_caps: "reviews.rule.all_caps",
  too_short: "reviews.rule.too_short",
  repeated_characters: "reviews.rule.repeated_characters",
  duplicate_text: "reviews.rule.duplicate_text",
  rating_only: "reviews.rule.rating_only",
  verified_only: "reviews.rule.verified_only",
}
export const ruleLabel = (rule: string, t: CrmTranslation["t"]) =>
  rule in RULE_LABELS ? t(RULE_LABELS[rule as ModerationRuleName]) : humanize(rule)

export const VERDICT_COLORS: Record<RuleVerdict["verdict"], BadgeColor> = {
  pass: "green",
  approve: "green",
  pending: "orange",
  reject: "red",
  off: "grey",
}
const VERDICT_LABELS: Record<RuleVerdict["verdict"], CrmMessageKey> = {
  pass: "reviews.verdict.pass",
  approve: "reviews.verdict.approve",
  pending: "reviews.verdict.pending",
  reject: "reviews.verdict.reject",
  off: "reviews.verdict.off",
}
export const verdictLabel = (verdict: string, t: CrmTranslation["t"]) =>
  verdict in VERDICT_LABELS ? t(VERDICT_LABELS[verdict as RuleVerdict["verdict"]]) : humanize(verdict)
export const verdictColor = (verdict: string): BadgeColor =>
  VERDICT_COLORS[verdict as RuleVerdict["verdict"]] ?? "grey"

const EVENT_LABELS: Record<ModerationEvent, CrmMessageKey> = {
  submitted: "reviews.event.submitted",
  edited: "reviews.event.edited",
  approved: "reviews.event.approved",
  rejected: "reviews.event.rejected",
  flagged: "reviews.event.flagged",
  responded: "reviews.event.responded",
  response_removed: "reviews.event.response_removed",
  deleted: "reviews.event.deleted",
}
export const eventLabel = (event: string, t: CrmTranslation["t"]) =>
  event in EVENT_LABELS ? t(EVENT_LABELS[event as ModerationEvent]) : humanize(event)

const ACTOR_LABELS: Record<ModerationActorType, CrmMessageKey> = {
  customer: "reviews.actor.customer",
  user: "reviews.actor.user",
  system: "reviews.actor.system",
}
export const actorLabel = (actor: string, t: CrmTranslation["t"]) =>
  actor in ACTOR_LABELS ? t(ACTOR_LABELS[actor as ModerationActorType]) : humanize(actor)

const RULE_ACTION_LABELS: Record<RuleAction, CrmMessageKey> = {
  off: "reviewSettings.action.off",
  pending: "reviewSettings.action.pending",
  reject: "reviewSettings.action.reject",
}
export const RULE_ACTION_OPTIONS = Object.keys(RULE_ACTION_LABELS) as RuleAction[]
export const ruleActionLabel = (action: RuleAction, t: CrmTranslation["t"]) =>
  t(RULE_ACTION_LABELS[action])

const AUTO_APPROVE_LABELS: Record<AutoApprovePolicy, CrmMessageKey> = {
  all: "reviewSettings.autoApprove.all",
  verified: "reviewSettings.autoApprove.verified",
  none: "reviewSettings.autoApprove.none",
}
export const AUTO_APPROVE_OPTIONS = Object.keys(AUTO_APPROVE_LABELS) as AutoApprovePolicy[]
export const autoApproveLabel = (policy: AutoApprovePolicy, t: CrmTranslation["t"]) =>
  t(AUTO_APPROVE_LABELS[policy])

/** "some_code" as words, for codes this admin does not know yet. */
const humanize = (code: string) => {
  const words = code.replace(/[_-]+/g, " ").trim()
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code
}

export const MAX_RATING = 5
export const RATINGS = [5, 4, 3, 2, 1] as const

/** "★★★★☆" for 4: whole stars, clamped to 0..5. */
export const stars = (rating: number) => {
  const filled = Math.max(0, Math.min(MAX_RATING, Math.round(rating)))
  return "\u2605".repeat(filled) + "\u2606".repeat(MAX_RATING - filled)
}

/** The sub-ratings a review may have, in the order the admin shows them. */
export const SUB_RATING_FIELDS = ["quality_rating", "logistics_rating", "service_rating"] as const
export type SubRatingField = (typeof SUB_RATING_FIELDS)[number]

/**
 * The first `max` characters of a text on one line (runs of white space
 * folded), with an ellipsis when cut. Counted in code points, so an emoji is
 * never split in half.
 */
export const excerpt = (text: string | null | undefined, max = 120) => {
  const flat = (text ?? "").replace(/\s+/g, " ").trim()
  const chars = [...flat]
  return chars.length > max ? `${chars.slice(0, max).join("").trimEnd()}\u2026` : flat
}

/**
 * The URL, when it is an absolute http(s) address, for an `href`; null for
 * anything else (`javascript:`, `data:`, relative paths), which is then only
 * shown as text.
 */
export const safeHttpUrl = (value: string) => {
  try {
    const url = new URL(value.trim())
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null
  } catch {
    return null
  }
}

/** "4.3": the average with one decimal, in the admin's language. */
export const formatAverage = (average: number, locale: CrmTranslation["locale"]) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Number.isFinite(average) ? average : 0
  )

/** The share of each rating (5 first) in a summary, 0 to 1. */
export const distributionShares = (summary: RatingSummary) => {
  const total = RATINGS.reduce((sum, rating) => sum + (summary.distribution[String(rating) as "1"] ?? 0), 0)
  return RATINGS.map((rating) => {
    const count = summary.distribution[String(rating) as "1"] ?? 0
    return { rating, count, share: total > 0 ? count / total : 0 }
  })
}

/** "Jane Doe", or "" without a name. */
export const customerName = (
  customer: { first_name: string | null; last_name: string | null } | null | undefined
) =>
  [customer?.first_name, customer?.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ")

/**
 * Blocked words as typed (one per line, or separated by commas) to a list:
 * trimmed, empty entries dropped, the same word (ignoring case) once.
 */
export const parseBlockedWords = (text: string) => {
  const seen = new Set<string>()
  const words: string[] = []
  for (const part of text.split(/[\n,，、]/)) {
    const word = part.trim().replace(/\s+/g, " ")
    const key = word.toLocaleLowerCase()
    if (word && !seen.has(key)) {
      seen.add(key)
      words.push(word)
    }
  }
  return words
}
