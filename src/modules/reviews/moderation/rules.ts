import type { RuleAction, RuleVerdict, ReviewSettingsDTO } from "../../../types/reviews"
import { foldText } from "./text"

export type Submission = {
  rating: number
  title: string | null
  content: string
}

/** What the pipeline needs from the database, looked up before it runs. */
export type SubmissionFacts = {
  verified_purchase: boolean
  /** Id of another review with the same text, if any. */
  duplicate_of: string | null
}

export type ModerationSettings = Omit<ReviewSettingsDTO, "id" | "require_verified_purchase" | "rate_limit_count" | "rate_limit_window_minutes" | "complaint_max_rating">

type Rule = (submission: Submission, settings: ModerationSettings, facts: SubmissionFacts) => RuleVerdict

const textOf = (submission: Submission) => [submission.title ?? "", submission.content].join("\n").trim()

/** The rule's verdict: `found` (a description) turns into its action, nothing found passes. */
function verdictOf(rule: RuleVerdict["rule"], action: RuleAction, found: string | null): RuleVerdict {
  if (action === "off") {
    return { rule, verdict: "off" }
  }
  return found ? { rule, verdict: action, detail: found } : { rule, verdict: "pass" }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Whole words or phrases, case- and accent-insensitive: "Ass" does not block
 * "class"; "rip off" and "rip-off" each block "RIP-OFF", "rip off" and "rip  off".
 */
export const blockedWords: Rule = (submission, settings) => {
  // A "word" without letters or digits ("$$$") would match everywhere: it is ignored.
  const words = settings.blocked_words.map((word) => foldText(word).trim()).filter((word) => /[\p{L}\p{N}]/u.test(word))
  if (!words.length) {
    return verdictOf("blocked_words", settings.blocked_words_action, null)
  }
  const text = foldText(textOf(submission))
  const found = words.filter((word) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${word.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(escapeRegExp).join("[^\\p{L}\\p{N}]+")}($|[^\\p{L}\\p{N}])`, "u").test(text)
  )
  return verdictOf("blocked_words", settings.blocked_words_action, found.length ? `Blocked words: ${found.join(", ")}` : null)
}

const LINK_PATTERNS = [
  /\b[a-z][a-z0-9+.-]*:\/\//i,
  /\bwww\./i,
  /\b(?:javascript|data|vbscript):/i,
  /\b[a-z0-9-]+\.(?:com|net|org|io|co|info|biz|ru|cn|de|uk|fr|shop|store|xyz|top|ly|me|app|site|online)\b/i,
]

export const links: Rule = (submission, settings) =>
  verdictOf(
    "links",
    settings.links_action,
    LINK_PATTERNS.some((pattern) => pattern.test(textOf(submission))) ? "Contains a link" : null
  )

/** Fewer cased letters than this is too little to call shouting ("OK", "TV"). */
const MIN_LETTERS_FOR_CAPS = 12
const CAPS_SHARE = 0.7

export const allCaps: Rule = (submission, settings) => {
  const text = textOf(submission)
  const upper = (text.match(/\p{Lu}/gu) ?? []).length
  const lower = (text.match(/\p{Ll}/gu) ?? []).length
  const shouting = upper + lower >= MIN_LETTERS_FOR_CAPS && upper / (upper + lower) >= CAPS_SHARE
  return verdictOf("all_caps", settings.all_caps_action, shouting ? "Written in capitals" : null)
}

export const tooShort: Rule = (submission, settings) => {
  const length = [...submission.content].length
  const short = length > 0 && length < settings.min_content_length
  return verdictOf("too_short", settings.too_short_action, short ? `Text under ${settings.min_content_length} characters` : null)
}

export const repeatedCharacters: Rule = (submission, settings) => {
  const run = Math.max(2, settings.repeated_characters_run)
  const repeated = new RegExp(`(\\S)\\1{${run - 1},}`, "u").test(textOf(submission))
  return verdictOf(
    "repeated_characters",
    settings.repeated_characters_action,
    repeated ? `A character repeated ${run} or more times` : null
  )
}

export const duplicateText: Rule = (_submission, settings, facts) =>
  verdictOf(
    "duplicate_text",
    settings.duplicate_text_action,
    facts.duplicate_of ? `Same text as review ${facts.duplicate_of}` : null
  )

/** Rules that can hold or reject a review, in the order they are reported. */
export const CHECKING_RULES: Rule[] = [blockedWords, links, allCaps, tooShort, repeatedCharacters, duplicateText]
