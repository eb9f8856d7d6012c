import type {
  QuestionType,
  ResultInterval,
  SurveyAnswer,
  SurveyDTO,
  SurveyQuestion,
  SurveyTrigger,
  SurveyTriggerConfig,
  SurveyType,
} from "../../types/surveys"
import type { CrmLocale, CrmMessageKey, CrmTranslation } from "./i18n"

/*
 * The admin imports the shared types only (`import type`): the choices are
 * spelt out here as records over those types, so a value added to
 * SURVEY_TYPES, SURVEY_TRIGGERS or QUESTION_TYPES fails the typecheck until
 * it has a label.
 */

type T = CrmTranslation["t"]
export type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

const TYPE_LABELS: Record<SurveyType, CrmMessageKey> = {
  nps: "surveys.type.nps",
  csat: "surveys.type.csat",
  custom: "surveys.type.custom",
}
export const SURVEY_TYPE_OPTIONS = Object.keys(TYPE_LABELS) as SurveyType[]
export const isSurveyType = (value: string | null | undefined): value is SurveyType => !!value && value in TYPE_LABELS
export const surveyTypeLabel = (type: string, t: T) => (isSurveyType(type) ? t(TYPE_LABELS[type]) : type)

const TRIGGER_LABELS: Record<SurveyTrigger, CrmMessageKey> = {
  delivery: "surveys.trigger.delivery",
  ticket_resolved: "surveys.trigger.ticket_resolved",
  manual: "surveys.trigger.manual",
}
export const SURVEY_TRIGGER_OPTIONS = Object.keys(TRIGGER_LABELS) as SurveyTrigger[]
export const isSurveyTrigger = (value: string | null | undefined): value is SurveyTrigger =>
  !!value && value in TRIGGER_LABELS
export const surveyTriggerLabel = (event: string, t: T) => (isSurveyTrigger(event) ? t(TRIGGER_LABELS[event]) : event)

/** "After delivery, 48 h later", or "Manual send". */
export const triggerSummary = (trigger: SurveyTriggerConfig, t: T) =>
  trigger.event === "manual"
    ? surveyTriggerLabel(trigger.event, t)
    : t("surveys.trigger.withDelay", { event: surveyTriggerLabel(trigger.event, t), hours: trigger.delay_hours })

const QUESTION_TYPE_LABELS: Record<QuestionType, CrmMessageKey> = {
  nps: "surveys.questionType.nps",
  csat: "surveys.questionType.csat",
  rating: "surveys.questionType.rating",
  single_choice: "surveys.questionType.single_choice",
  multiple_choice: "surveys.questionType.multiple_choice",
  text: "surveys.questionType.text",
}
export const questionTypeLabel = (type: string, t: T) =>
  type in QUESTION_TYPE_LABELS ? t(QUESTION_TYPE_LABELS[type as QuestionType]) : type

/** What a merchant can add: the score questions come with NPS and CSAT surveys only. */
export const EDITABLE_QUESTION_TYPES = ["rating", "single_choice", "multiple_choice", "text"] as const
export type EditableQuestionType = (typeof EDITABLE_QUESTION_TYPES)[number]
export const isEditableQuestionType = (value: string): value is EditableQuestionType =>
  (EDITABLE_QUESTION_TYPES as readonly string[]).includes(value)

/** Bounds the server checks too; kept the same here so the form says so first. */
export const SURVEY_LIMITS = {
  name: 200,
  label: 500,
  option: 200,
  questions: 30,
  minOptions: 2,
  maxOptions: 20,
  minRatingMax: 2,
  maxRatingMax: 10,
  delayHours: 24 * 90,
  expiryDays: 365,
  completionPoints: 1_000_000,
  frequencyCapDays: 365,
} as const
export const QUESTION_ID = /^[a-z0-9_-]{1,40}$/
export const SCORE_ID = "score"
export const WHY_ID = "why"

/** The scale of a score question: NPS 0-10, CSAT 1-5. */
export const SCORE_RANGE: Record<"nps" | "csat", { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
}

// --- Scores -----------------------------------------------------------------

export type ScoreBand = "good" | "neutral" | "bad"

/** NPS: promoters 9-10, passives 7-8, detractors 0-6. CSAT: 4-5 satisfied, 3 neutral, 1-2 not. */
export const scoreBand = (type: "nps" | "csat", score: number): ScoreBand =>
  type === "nps" ? (score >= 9 ? "good" : score >= 7 ? "neutral" : "bad") : score >= 4 ? "good" : score >= 3 ? "neutral" : "bad"

export const BAND_COLORS: Record<ScoreBand, BadgeColor> = { good: "green", neutral: "orange", bad: "red" }
/** The same colours as CSS variables of the dashboard's theme, for the charts. */
export const BAND_FILLS: Record<ScoreBand, string> = {
  good: "var(--tag-green-icon)",
  neutral: "var(--tag-orange-icon)",
  bad: "var(--tag-red-icon)",
}

const BAND_LABELS: Record<"nps" | "csat", Record<ScoreBand, CrmMessageKey>> = {
  nps: { good: "surveys.band.promoter", neutral: "surveys.band.passive", bad: "surveys.band.detractor" },
  csat: { good: "surveys.band.satisfied", neutral: "surveys.band.neutral", bad: "surveys.band.dissatisfied" },
}
/** "Promoter", "Passive", "Detractor" (NPS) or "Satisfied", "Neutral", "Dissatisfied" (CSAT). */
export const scoreBandLabel = (type: "nps" | "csat", score: number, t: T) => t(BAND_LABELS[type][scoreBand(type, score)])

/** "+30", "-12", "0": an NPS as people write it. */
export const formatNps = (nps: number, locale: CrmLocale) => {
  const rounded = Math.round(nps)
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.abs(rounded))
  return rounded > 0 ? `+${text}` : rounded < 0 ? `\u2212${text}` : text
}

/** "4.2": an average with one decimal. */
export const formatScore = (value: number, locale: CrmLocale) =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)

/** "42.5%" for 0.425; "-" without a rate. */
export const formatRate = (rate: number | null | undefined, locale: CrmLocale) =>
  rate == null || !Number.isFinite(rate)
    ? "-"
    : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(rate)

/** responses / invitations, or null without invitations. */
export const responseRate = (responses: number, invitations: number) => (invitations > 0 ? responses / invitations : null)

/** Shares of promoters, passives and detractors, 0..1 each (0 without responses). */
export const npsShares = (breakdown: { promoters: number; passives: number; detractors: number }) => {
  const total = breakdown.promoters + breakdown.passives + breakdown.detractors
  const share = (count: number) => (total > 0 ? count / total : 0)
  return {
    total,
    promoters: share(breakdown.promoters),
    passives: share(breakdown.passives),
    detractors: share(breakdown.detractors),
  }
}

/** An answer as text: "9", "Fast delivery", "Red, Blue". */
export const answerText = (value: SurveyAnswer["value"] | null | undefined) =>
  value == null ? "" : Array.isArray(value) ? value.join(", ") : String(value)

/** "9/10" for an NPS score, "4/5" for CSAT or a rating out of 5. */
export const scoreOutOf = (score: number, question: Pick<SurveyQuestion, "type" | "max"> | undefined) => {
  const max = question?.type === "nps" ? 10 : question?.type === "csat" ? 5 : question?.max ?? null
  return max ? `${score}/${max}` : String(score)
}

// --- Periods ----------------------------------------------------------------

const pad = (value: number) => String(value).padStart(2, "0")

/** A date as YYYY-MM-DD in the browser's calendar, for a date input and the results route. */
export const toDateInput = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/** Whether a text is a real YYYY-MM-DD date. */
export const isDateInput = (value: string | null | undefined): value is string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "")
  if (!match) {
    return false
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The results' quick periods, in days, each with the interval that reads best. */
export const RESULT_PRESETS = [
  { days: 30, interval: "week" },
  { days: 90, interval: "week" },
  { days: 365, interval: "month" },
] as const satisfies readonly { days: number; interval: ResultInterval }[]
export const DEFAULT_PRESET_DAYS = 90

/** The last `days` days up to and including today, as YYYY-MM-DD. */
export const lastDays = (days: number, today = new Date()) => ({
  from: toDateInput(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1))),
  to: toDateInput(today),
})

/** The preset a period is, when it is one (ending today). */
export const presetOf = (period: { from: string; to: string }, today = new Date()) =>
  RESULT_PRESETS.find((preset) => {
    const range = lastDays(preset.days, today)
    return range.from === period.from && range.to === period.to
  })?.days ?? null

/** "Mar 3" for a week, "Mar 2025" for a month: a trend period (its first day, UTC) on an axis. */
export const periodLabel = (period: string, interval: ResultInterval, locale: CrmLocale) => {
  const date = new Date(`${period}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) {
    return period
  }
  return new Intl.DateTimeFormat(
    locale,
    interval === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" }
  ).format(date)
}

// --- Charts -----------------------------------------------------------------

/** The smallest 1, 2 or 5 times a power of ten that is at least `value` (1 for nothing). */
export const niceCeil = (value: number) => {
  if (!Number.isFinite(value) || value <= 1) {
    return 1
  }
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10
  return step * power
}

/** Each value as a share (0..1) of the nice top of the axis, and that top. */
export const scaleBars = (values: number[]) => {
  const top = niceCeil(Math.max(0, ...values))
  return { top, shares: values.map((value) => Math.max(0, value) / top) }
}

export type TrendPoint = { period: string; score: number | null; responses: number }

export type TrendBand = TrendPoint & {
  /** Left edge and centre of the band, in chart units. */
  x: number
  center: number
  /** The responses bar: its top and height, within the bars' strip. */
  barY: number
  barHeight: number
  /** Where the score sits, within the score strip; null without a score. */
  scoreY: number | null
  /** Whether its period is written under the axis (not every one fits). */
  labelled: boolean
}

export type TrendLayout = {
  bands: TrendBand[]
  bandWidth: number
  barWidth: number
  /** SVG path data of the score line, one per run of periods with a score. */
  lines: string[]
  /** The top of the responses axis. */
  responsesTop: number
  /** Score ticks and where they are. */
  scoreTicks: { value: number; y: number }[]
}

/**
 * Where everything of the trend chart goes: one band per period across
 * `width`; the score (between `domain.min` and `.max`) as a line in the top
 * strip (`scoreTop` to `scoreBottom`), the responses as bars in the bottom
 * strip (`barsTop` to `barsBottom`). A period without a score breaks the
 * line. At most `maxLabels` periods are labelled, evenly spaced, the last
 * always.
 */
export const trendLayout = (
  points: TrendPoint[],
  {
    left,
    width,
    scoreTop,
    scoreBottom,
    barsTop,
    barsBottom,
    domain,
    ticks,
    maxLabels = 8,
  }: {
    left: number
    width: number
    scoreTop: number
    scoreBottom: number
    barsTop: number
    barsBottom: number
    domain: { min: number; max: number }
    ticks: number[]
    maxLabels?: number
  }
): TrendLayout => {
  const count = points.length
  const bandWidth = count ? width / count : width
  const barWidth = Math.max(2, Math.min(40, bandWidth * 0.6))
  const responsesTop = niceCeil(Math.max(0, ...points.map((point) => point.responses)))
  const span = domain.max - domain.min || 1
  const scoreY = (score: number) => {
    const clamped = Math.min(domain.max, Math.max(domain.min, score))
    return scoreBottom - ((clamped - domain.min) / span) * (scoreBottom - scoreTop)
  }
  const every = Math.max(1, Math.ceil(count / Math.max(1, maxLabels)))

  const bands = points.map((point, index): TrendBand => {
    const x = left + index * bandWidth
    const barHeight = (Math.max(0, point.responses) / responsesTop) * (barsBottom - barsTop)
    return {
      ...point,
      x,
      center: x + bandWidth / 2,
      barY: barsBottom - barHeight,
      barHeight,
      scoreY: point.score == null || !Number.isFinite(point.score) ? null : scoreY(point.score),
      labelled: (count - 1 - index) % every === 0,
    }
  })

  const lines: string[] = []
  let run: string[] = []
  for (const band of bands) {
    if (band.scoreY == null) {
      if (run.length > 1) lines.push(run.join(" "))
      run = []
      continue
    }
    run.push(`${run.length ? "L" : "M"}${round(band.center)} ${round(band.scoreY)}`)
  }
  if (run.length > 1) lines.push(run.join(" "))

  return {
    bands,
    bandWidth,
    barWidth,
    lines,
    responsesTop,
    scoreTicks: ticks.map((value) => ({ value, y: scoreY(value) })),
  }
}

const round = (value: number) => Math.round(value * 100) / 100

/** The score axis of a survey type: NPS -100..100, CSAT 1..5. */
export const SCORE_AXES: Record<"nps" | "csat", { min: number; max: number; ticks: number[] }> = {
  nps: { min: -100, max: 100, ticks: [-100, -50, 0, 50, 100] },
  csat: { min: 1, max: 5, ticks: [1, 2, 3, 4, 5] },
}

// --- The builder's questions --------------------------------------------------

/** A question as the builder edits it: `key` is only for React, `max` as typed. */
export type QuestionDraft = {
  key: string
  id: string
  type: QuestionType
  label: string
  required: boolean
  options: string[]
  max: string
}

export type QuestionAction =
  | { type: "add"; questionType: EditableQuestionType; label?: string; id?: string }
  | { type: "remove"; index: number }
  | { type: "move"; index: number; by: -1 | 1 }
  | { type: "update"; index: number; changes: Partial<Pick<QuestionDraft, "label" | "required" | "max">> }
  | { type: "setType"; index: number; questionType: EditableQuestionType }
  | { type: "addOption"; index: number }
  | { type: "setOption"; index: number; option: number; value: string }
  | { type: "removeOption"; index: number; option: number }
  | { type: "moveOption"; index: number; option: number; by: -1 | 1 }
  | { type: "replace"; questions: QuestionDraft[] }

let draftKeys = 0
const nextKey = () => `q-${++draftKeys}`

export const toQuestionDraft = (question: SurveyQuestion): QuestionDraft => ({
  key: nextKey(),
  id: question.id,
  type: question.type,
  label: question.label,
  required: question.required,
  options: [...(question.options ?? [])],
  max: question.max != null ? String(question.max) : question.type === "rating" ? "5" : "",
})

/** An id no other question has: "q1", "q2", ... (answers refer to ids, so existing ones never change). */
export const newQuestionId = (taken: string[]) => {
  const used = new Set(taken)
  let n = 1
  while (used.has(`q${n}`)) n++
  return `q${n}`
}

const blankQuestion = (questionType: EditableQuestionType, id: string, label = ""): QuestionDraft => ({
  key: nextKey(),
  id,
  type: questionType,
  label,
  required: questionType !== "text",
  options: questionType === "single_choice" || questionType === "multiple_choice" ? ["", ""] : [],
  max: questionType === "rating" ? "5" : "",
})

const isChoice = (type: QuestionType) => type === "single_choice" || type === "multiple_choice"

const moved = <Item>(items: Item[], index: number, by: number) => {
  const target = index + by
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) {
    return items
  }
  const next = [...items]
  const [item] = next.splice(index, 1)
  next.splice(target, 0, item)
  return next
}

const changeAt = (questions: QuestionDraft[], index: number, change: (question: QuestionDraft) => QuestionDraft) =>
  questions.map((question, at) => (at === index ? change(question) : question))

/**
 * The question list editor. The score question of an NPS or CSAT survey is
 * fixed: it is never removed, moved or retyped, and stays first.
 */
export const questionsReducer = (questions: QuestionDraft[], action: QuestionAction): QuestionDraft[] => {
  const locked = (index: number) => {
    const type = questions[index]?.type
    return type === "nps" || type === "csat"
  }
  switch (action.type) {
    case "add": {
      if (questions.length >= SURVEY_LIMITS.questions) return questions
      const taken = questions.map((question) => question.id)
      const id = action.id && !taken.includes(action.id) ? action.id : newQuestionId(taken)
      return [...questions, blankQuestion(action.questionType, id, action.label)]
    }
    case "remove":
      return locked(action.index) ? questions : questions.filter((_, index) => index !== action.index)
    case "move": {
      const target = action.index + action.by
      if (locked(action.index) || locked(target)) return questions
      return moved(questions, action.index, action.by)
    }
    case "update":
      return changeAt(questions, action.index, (question) => ({
        ...question,
        ...action.changes,
        // The score question is always required.
        required: locked(action.index) ? true : action.changes.required ?? question.required,
      }))
    case "setType":
      if (locked(action.index)) return questions
      return changeAt(questions, action.index, (question) => {
        if (question.type === action.questionType) return question
        const choice = isChoice(action.questionType)
        return {
          ...question,
          type: action.questionType,
          // Options carry over between the two choice types; a new choice question starts with two.
          options: choice ? (isChoice(question.type) ? question.options : ["", ""]) : [],
          max: action.questionType === "rating" ? question.max || "5" : "",
        }
      })
    case "addOption":
      return changeAt(questions, action.index, (question) =>
        question.options.length >= SURVEY_LIMITS.maxOptions ? question : { ...question, options: [...question.options, ""] }
      )
    case "setOption":
      return changeAt(questions, action.index, (question) => ({
        ...question,
        options: question.options.map((option, at) => (at === action.option ? action.value : option)),
      }))
    case "removeOption":
      return changeAt(questions, action.index, (question) => ({
        ...question,
        options: question.options.filter((_, at) => at !== action.option),
      }))
    case "moveOption":
      return changeAt(questions, action.index, (question) => ({
        ...question,
        options: moved(question.options, action.option, action.by),
      }))
    case "replace":
      return action.questions
  }
}

/** The default score question of an NPS or CSAT survey, in the admin's language. */
export const scoreQuestionDraft = (type: "nps" | "csat", t: T): QuestionDraft => ({
  key: nextKey(),
  id: SCORE_ID,
  type,
  label: t(type === "nps" ? "surveys.default.npsScore" : "surveys.default.csatScore"),
  required: true,
  options: [],
  max: "",
})

/** The optional "why?" follow-up of an NPS or CSAT survey, in the admin's language. */
export const whyQuestionDraft = (type: "nps" | "csat", t: T, taken: string[] = []): QuestionDraft => ({
  ...blankQuestion("text", taken.includes(WHY_ID) ? newQuestionId(taken) : WHY_ID, t(type === "nps" ? "surveys.default.npsWhy" : "surveys.default.csatWhy")),
  required: false,
})

/** The questions a new survey of a type starts with. */
export const defaultQuestionDrafts = (type: SurveyType, t: T): QuestionDraft[] =>
  type === "custom" ? [blankQuestion("rating", "q1")] : [scoreQuestionDraft(type, t), whyQuestionDraft(type, t)]

/**
 * The questions after the survey's type changed: NPS and CSAT swap the score
 * question (and its label, while it is still the default one) and keep the
 * rest; a custom survey drops it; a custom survey becoming NPS or CSAT gets
 * one in front.
 */
export const questionsForType = (questions: QuestionDraft[], from: SurveyType, to: SurveyType, t: T): QuestionDraft[] => {
  if (from === to) return questions
  const rest = questions.filter((question) => question.type !== "nps" && question.type !== "csat")
  if (to === "custom") {
    return rest.length ? rest : [blankQuestion("rating", newQuestionId([]))]
  }
  const previous = questions.find((question) => question.type === "nps" || question.type === "csat")
  const score = scoreQuestionDraft(to, t)
  const keepLabel = previous && from !== "custom" && previous.label !== scoreQuestionDraft(from, t).label
  const fresh = { ...score, label: keepLabel ? previous.label : score.label }
  // The "why?" question follows along while it still asks the other type's default.
  const oldWhy = from === "custom" ? null : whyQuestionDraft(from, t).label
  const newWhy = whyQuestionDraft(to, t).label
  // Another question may have taken the id "score" in a custom survey.
  const others = rest.map((question) => ({
    ...question,
    ...(question.id === SCORE_ID ? { id: newQuestionId(rest.map((other) => other.id)) } : {}),
    ...(question.type === "text" && question.label === oldWhy ? { label: newWhy } : {}),
  }))
  return [fresh, ...others]
}

export type QuestionErrors = Partial<Record<"label" | "options" | "max", string>>

/** Each question's problems (by index), and the list's own (none, too many). */
export const validateQuestions = (type: SurveyType, questions: QuestionDraft[], t: T) => {
  const byIndex: QuestionErrors[] = questions.map((question) => {
    const errors: QuestionErrors = {}
    const label = question.label.trim()
    if (!label || label.length > SURVEY_LIMITS.label) {
      errors.label = t("surveyBuilder.validation.label", { max: SURVEY_LIMITS.label })
    }
    if (isChoice(question.type)) {
      const options = question.options.map((option) => option.trim())
      if (options.length < SURVEY_LIMITS.minOptions || options.length > SURVEY_LIMITS.maxOptions) {
        errors.options = t("surveyBuilder.validation.optionCount", { min: SURVEY_LIMITS.minOptions, max: SURVEY_LIMITS.maxOptions })
      } else if (options.some((option) => !option || option.length > SURVEY_LIMITS.option)) {
        errors.options = t("surveyBuilder.validation.optionEmpty", { max: SURVEY_LIMITS.option })
      } else if (new Set(options.map((option) => option.toLowerCase())).size !== options.length) {
        errors.options = t("surveyBuilder.validation.optionTwice")
      }
    }
    if (question.type === "rating") {
      const max = Number(question.max.trim())
      if (!question.max.trim() || !Number.isInteger(max) || max < SURVEY_LIMITS.minRatingMax || max > SURVEY_LIMITS.maxRatingMax) {
        errors.max = t("validation.wholeRange", { min: SURVEY_LIMITS.minRatingMax, max: SURVEY_LIMITS.maxRatingMax })
      }
    }
    return errors
  })
  let list: string | null = null
  if (type === "custom" && !questions.length) {
    list = t("surveyBuilder.validation.noQuestions")
  } else if (questions.length > SURVEY_LIMITS.questions) {
    list = t("surveyBuilder.validation.tooMany", { max: SURVEY_LIMITS.questions })
  } else if (new Set(questions.map((question) => question.id)).size !== questions.length || questions.some((question) => !QUESTION_ID.test(question.id))) {
    list = t("surveyBuilder.validation.ids")
  }
  const valid = !list && byIndex.every((errors) => !Object.keys(errors).length)
  return { byIndex, list, valid }
}

/** The questions as the API takes them. */
export const toSurveyQuestions = (questions: QuestionDraft[]): SurveyQuestion[] =>
  questions.map((question) => ({
    id: question.id,
    type: question.type,
    label: question.label.trim(),
    required: question.required,
    ...(isChoice(question.type) ? { options: question.options.map((option) => option.trim()) } : {}),
    ...(question.type === "rating" ? { max: Number(question.max) } : {}),
  }))

// --- The builder's other fields ----------------------------------------------

export type SurveyForm = {
  name: string
  type: SurveyType
  event: SurveyTrigger
  delay_hours: string
  active: boolean
  expiry_days: string
  completion_points: string
  review_prompt: boolean
  questions: QuestionDraft[]
}

/** What the API takes to create a survey, and (partly) to change one. */
export type SurveyBody = {
  name: string
  type: SurveyType
  questions: SurveyQuestion[]
  trigger: SurveyTriggerConfig
  active: boolean
  expiry_days: number
  completion_points: number
  review_prompt: boolean
}

export const DEFAULT_DELAY_HOURS = 72
export const DEFAULT_EXPIRY_DAYS = 14

export const newSurveyForm = (t: T, type: SurveyType = "nps"): SurveyForm => ({
  name: "",
  type,
  event: "delivery",
  delay_hours: String(DEFAULT_DELAY_HOURS),
  active: true,
  expiry_days: String(DEFAULT_EXPIRY_DAYS),
  completion_points: "0",
  review_prompt: type !== "custom",
  questions: defaultQuestionDrafts(type, t),
})

export const surveyToForm = (survey: SurveyDTO): SurveyForm => ({
  name: survey.name,
  type: survey.type,
  event: survey.trigger.event,
  delay_hours: String(survey.trigger.delay_hours ?? 0),
  active: survey.active,
  expiry_days: String(survey.expiry_days),
  completion_points: String(survey.completion_points),
  review_prompt: survey.review_prompt,
  questions: survey.questions.map(toQuestionDraft),
})

/** Whether the review prompt means anything: a score, about an order's products. */
export const reviewPromptApplies = (form: Pick<SurveyForm, "type" | "event">) => form.type !== "custom" && form.event === "delivery"

export type SurveyFormErrors = Partial<Record<"name" | "delay_hours" | "expiry_days" | "completion_points", string>>

const wholeIn = (text: string, min: number, max: number) => {
  const trimmed = text.trim()
  const value = Number(trimmed)
  return trimmed && Number.isInteger(value) && value >= min && value <= max ? value : null
}

/** The builder's inputs checked and turned into the API's body. */
export const validateSurveyForm = (form: SurveyForm, t: T) => {
  const errors: SurveyFormErrors = {}
  const name = form.name.trim()
  if (!name || name.length > SURVEY_LIMITS.name) {
    errors.name = t("surveyBuilder.validation.name", { max: SURVEY_LIMITS.name })
  }
  // A manual survey has no delay; 0 is sent so the field is never in the way.
  const delay = form.event === "manual" ? 0 : wholeIn(form.delay_hours, 0, SURVEY_LIMITS.delayHours)
  if (delay === null) errors.delay_hours = t("validation.wholeRange", { min: 0, max: SURVEY_LIMITS.delayHours })
  const expiry = wholeIn(form.expiry_days, 1, SURVEY_LIMITS.expiryDays)
  if (expiry === null) errors.expiry_days = t("validation.wholeRange", { min: 1, max: SURVEY_LIMITS.expiryDays })
  const points = wholeIn(form.completion_points, 0, SURVEY_LIMITS.completionPoints)
  if (points === null) errors.completion_points = t("validation.wholeRange", { min: 0, max: SURVEY_LIMITS.completionPoints })
  const questions = validateQuestions(form.type, form.questions, t)

  const valid = !Object.keys(errors).length && questions.valid
  const body: SurveyBody | null = valid
    ? {
        name,
        type: form.type,
        questions: toSurveyQuestions(form.questions),
        trigger: { event: form.event, delay_hours: delay ?? 0 },
        active: form.active,
        expiry_days: expiry ?? 0,
        completion_points: points ?? 0,
        // Only NPS and CSAT answers about an order (a delivery) have products to review.
        review_prompt: reviewPromptApplies(form) && form.review_prompt,
      }
    : null
  return { errors, questions, body }
}

/** The fields of `body` that differ from the survey: what an edit sends. */
export const surveyChanges = (body: SurveyBody, survey: SurveyDTO): Partial<SurveyBody> => {
  const current: SurveyBody = {
    name: survey.name,
    type: survey.type,
    questions: survey.questions,
    trigger: { event: survey.trigger.event, delay_hours: survey.trigger.delay_hours },
    active: survey.active,
    expiry_days: survey.expiry_days,
    completion_points: survey.completion_points,
    review_prompt: survey.review_prompt,
  }
  const changes: Partial<SurveyBody> = {}
  for (const key of Object.keys(body) as (keyof SurveyBody)[]) {
    if (JSON.stringify(normalizeForCompare(body[key])) !== JSON.stringify(normalizeForCompare(current[key]))) {
      ;(changes as Record<string, unknown>)[key] = body[key]
    }
  }
  return changes
}

/** Questions from the server may list keys in another order or carry empty extras. */
const normalizeForCompare = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(normalizeForCompare)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .filter((key) => (value as Record<string, unknown>)[key] !== undefined && (value as Record<string, unknown>)[key] !== null)
            .filter((key) => !(key === "options" && Array.isArray((value as Record<string, unknown>).options) && !((value as Record<string, unknown[]>).options.length)))
            .map((key) => [key, normalizeForCompare((value as Record<string, unknown>)[key])])
        )
      : value

// --- Settings -----------------------------------------------------------------

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/
export const isHexColor = (value: string) => HEX_COLOR.test(value.trim())

/** An absolute http(s) base URL without a trailing slash, or null when it is not one. */
export const normalizeBaseUrl = (value: string) => {
  const trimmed = value.trim()
  try {
    const url = new URL(trimmed)
    if (url.protocol !== "http:" && url.protocol !== "https:") return null
    if (url.search || url.hash) return null
    return trimmed.replace(/\/+$/, "")
  } catch {
    return null
  }
}
