import type { RfmGroup, SegmentRefreshMode } from "../../types/segments"
import type { CrmMessageKey, CrmTranslation } from "./i18n"

/*
 * The segments admin's types (the HTTP contract's shapes) and pure helpers:
 * the rule tree <-> the builder's editable state, a condition's default value
 * per op and field type, a rule's summary in words, the promotion form.
 */

export const SEGMENT_REFRESH_OPTIONS = ["manual", "hourly", "daily"] as const satisfies readonly SegmentRefreshMode[]
export type { RfmGroup, SegmentRefreshMode }

export const SEGMENT_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "between", "within_days", "exists"] as const
export type SegmentOp = (typeof SEGMENT_OPS)[number]

/** A condition's value: a scalar, a list (in, nin) or a pair (between). */
export type ConditionValue = number | string | boolean | (number | string)[]
export type SegmentCondition = { field: string; op: SegmentOp; value: ConditionValue; window_days?: number }
/** All/any groups nesting conditions; `{ all: [] }` is every customer. */
export type SegmentRule = { all: SegmentRule[] } | { any: SegmentRule[] } | SegmentCondition

/** One field of `GET /admin/segments/fields`. `values` for the fields with a fixed set (rfm_group, tier_id). */
export type SegmentFieldInfo = {
  field: string
  label: string
  type: string
  ops: string[]
  nullable: boolean
  /** The field's range, when it has one (counts from 0, RFM scores 1-5, NPS 0-10). */
  min?: number
  max?: number
  values?: { value: string; label: string }[]
}

export type SegmentPromotionSummary = { id: string; code: string; status: string; is_automatic: boolean }

export type AdminSegment = {
  id: string
  name: string
  description: string | null
  rules: SegmentRule
  refresh: SegmentRefreshMode
  customer_group_id: string | null
  member_count: number
  refreshed_at: string | null
  last_joined: number
  last_left: number
  created_at: string
  updated_at: string
  /** On `GET /admin/segments/:id` only. */
  promotions?: SegmentPromotionSummary[]
}

export type SegmentMember = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
  has_account: boolean
  joined_at: string
}

export type RfmGroupShare = { name: RfmGroup; label: string; customers: number; share: number }
export type RfmDistribution = { groups: RfmGroupShare[]; customers: number; scored_at: string | null }

export type CustomerSegments = {
  segments: { id: string; name: string; joined_at: string }[]
  rfm: { recency: number; frequency: number; monetary: number; group: RfmGroup; label: string; scored_at: string } | null
}

/** The server's limits (the rule parser's), checked here so the builder never offers what it would refuse. */
export const SEGMENT_LIMITS = { depth: 5, conditions: 50, name: 255, description: 2000 }

export const isGroupRule = (rule: SegmentRule): rule is { all: SegmentRule[] } | { any: SegmentRule[] } =>
  "all" in rule || "any" in rule
const isOp = (value: unknown): value is SegmentOp => (SEGMENT_OPS as readonly unknown[]).includes(value)

// ---------------------------------------------------------------------------
// Fields and value inputs

/**
 * What the builder does with a field. The contract names id/ids types where
 * the server's own definitions say enum/bought; both are read here.
 */
export type FieldKind = "number" | "date" | "text" | "boolean" | "choice" | "bought"

export const fieldKind = (info: Pick<SegmentFieldInfo, "type" | "values">): FieldKind => {
  switch (info.type) {
    case "number":
      return "number"
    case "date":
      return "date"
    case "boolean":
      return "boolean"
    case "bought":
    case "ids":
      return "bought"
    case "enum":
    case "id":
      return info.values?.length ? "choice" : "text"
    default:
      return "text"
  }
}

/** The input a condition needs for its field and op. */
export type ValueInput =
  | "number"
  | "number_pair"
  | "number_list"
  | "date"
  | "date_pair"
  | "days"
  | "text"
  | "text_list"
  | "choice"
  | "choice_list"
  | "boolean"
  | "exists"

export const valueInputOf = (kind: FieldKind, op: SegmentOp): ValueInput => {
  if (op === "exists") return "exists"
  if (kind === "boolean") return "boolean"
  if (op === "within_days") return "days"
  if (op === "between") return kind === "date" ? "date_pair" : "number_pair"
  const list = op === "in" || op === "nin"
  switch (kind) {
    case "number":
      return list ? "number_list" : "number"
    case "date":
      return "date"
    case "choice":
      return list ? "choice_list" : "choice"
    default:
      return list ? "text_list" : "text"
  }
}

/** The ops the field takes, in the server's order (only those this builder knows). */
export const opsOf = (info: SegmentFieldInfo): SegmentOp[] => info.ops.filter(isOp)

// ---------------------------------------------------------------------------
// Editor state

/**
 * A condition's value while it is edited: text inputs keep their text
 * (parsed on the way out), a list its items, a pair two texts, a switch a
 * boolean. Which one is decided by the field and op (`valueInputOf`).
 */
export type DraftValue = string | string[] | boolean

export type ConditionDraft = {
  key: string
  kind: "condition"
  field: string
  op: SegmentOp
  value: DraftValue
  /** bought_* only; empty for none. */
  window_days: string
}
export type GroupDraft = { key: string; kind: "group"; mode: "all" | "any"; children: RuleDraft[] }
export type RuleDraft = ConditionDraft | GroupDraft

let lastKey = 0
/** React keys for the builder's rows; unique within a page's lifetime. */
export const newDraftKey = () => `rule_${++lastKey}`

export const emptyRoot = (): GroupDraft => ({ key: newDraftKey(), kind: "group", mode: "all", children: [] })

const draftValueOf = (value: ConditionValue): DraftValue =>
  typeof value === "boolean" ? value : Array.isArray(value) ? value.map(String) : String(value)

const toDraft = (rule: SegmentRule): RuleDraft => {
  if ("all" in rule) return { key: newDraftKey(), kind: "group", mode: "all", children: rule.all.map(toDraft) }
  if ("any" in rule) return { key: newDraftKey(), kind: "group", mode: "any", children: rule.any.map(toDraft) }
  return {
    key: newDraftKey(),
    kind: "condition",
    field: rule.field,
    op: rule.op,
    value: draftValueOf(rule.value),
    window_days: rule.window_days === undefined ? "" : String(rule.window_days),
  }
}

/**
 * A stored rule tree as the builder's state. The root is always a group: a
 * bare condition (the contract allows one) comes back wrapped in `all`.
 * Needs no field list: values are kept as typed and parsed back by
 * `draftToRule` once the fields are known.
 */
export const ruleToDraft = (rule: SegmentRule | null | undefined): GroupDraft => {
  if (!rule || typeof rule !== "object") return emptyRoot()
  const draft = toDraft(rule)
  return draft.kind === "group" ? draft : { key: newDraftKey(), kind: "group", mode: "all", children: [draft] }
}

/** A date for a date input: today, or `days` before it (UTC, YYYY-MM-DD). */
export const isoDay = (today: Date, days = 0) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10)

/**
 * A new condition's value for its field and op: something that already
 * makes a valid rule where one is obvious (0, the first choice, "has a
 * value", the last 30 days), empty where only the user can say (texts, ids).
 */
export const defaultValue = (info: SegmentFieldInfo, op: SegmentOp, today: Date): DraftValue => {
  const firstChoice = info.values?.[0]?.value ?? ""
  switch (valueInputOf(fieldKind(info), op)) {
    case "exists":
    case "boolean":
      return true
    case "number":
      return String(info.min ?? 0)
    case "number_pair":
      return [String(info.min ?? 0), String(info.max ?? 100)]
    case "days":
      return "30"
    case "date":
      return isoDay(today, 30)
    case "date_pair":
      return [isoDay(today, 30), isoDay(today)]
    case "choice":
      return firstChoice
    case "choice_list":
      return firstChoice ? [firstChoice] : []
    case "number_list":
    case "text_list":
      return []
    case "text":
      return ""
  }
}

/**
 * The value kept when the op changes: the same input keeps it, a single
 * value becomes a one-item list or a pair and back; anything else starts
 * from the default.
 */
export const carryValue = (info: SegmentFieldInfo, from: SegmentOp, to: SegmentOp, value: DraftValue, today: Date): DraftValue => {
  const kind = fieldKind(info)
  const before = valueInputOf(kind, from)
  const after = valueInputOf(kind, to)
  if (before === after) return value
  const scalarOf: Partial<Record<ValueInput, ValueInput>> = {
    number_list: "number",
    number_pair: "number",
    text_list: "text",
    choice_list: "choice",
    date_pair: "date",
  }
  if (scalarOf[after] === before && typeof value === "string" && value.trim()) {
    return after.endsWith("_pair") ? [value, value] : [value]
  }
  if (scalarOf[before] === after && Array.isArray(value) && value[0]?.trim()) {
    return value[0]
  }
  return defaultValue(info, to, today)
}

export const newCondition = (info: SegmentFieldInfo, today: Date): ConditionDraft => {
  const op = opsOf(info)[0] ?? "eq"
  return { key: newDraftKey(), kind: "condition", field: info.field, op, value: defaultValue(info, op, today), window_days: "" }
}

export type RuleAction =
  | { type: "replace"; root: GroupDraft }
  | { type: "add-condition"; parent: string; field: SegmentFieldInfo; today: Date }
  | { type: "add-group"; parent: string; field: SegmentFieldInfo; today: Date }
  | { type: "remove"; key: string }
  | { type: "set-mode"; key: string; mode: "all" | "any" }
  | { type: "set-field"; key: string; field: SegmentFieldInfo; today: Date }
  | { type: "set-op"; key: string; op: SegmentOp; field: SegmentFieldInfo; today: Date }
  | { type: "set-value"; key: string; value: DraftValue }
  | { type: "set-window"; key: string; window_days: string }

/** The tree with `change` applied to the node `key` (null removes it); untouched branches keep their identity. */
const updateNode = (node: RuleDraft, key: string, change: (node: RuleDraft) => RuleDraft | null): RuleDraft | null => {
  if (node.key === key) return change(node)
  if (node.kind !== "group") return node
  let changed = false
  const children: RuleDraft[] = []
  for (const child of node.children) {
    const next = updateNode(child, key, change)
    if (next !== child) changed = true
    if (next) children.push(next)
  }
  return changed ? { ...node, children } : node
}

const onCondition = (change: (condition: ConditionDraft) => ConditionDraft) => (node: RuleDraft) =>
  node.kind === "condition" ? change(node) : node
const onGroup = (change: (group: GroupDraft) => GroupDraft) => (node: RuleDraft) => (node.kind === "group" ? change(node) : node)

/** The builder's reducer. The root group cannot be removed. */
export const ruleReducer = (root: GroupDraft, action: RuleAction): GroupDraft => {
  const apply = (key: string, change: (node: RuleDraft) => RuleDraft | null) => {
    if (key === root.key && action.type === "remove") return root
    return (updateNode(root, key, change) as GroupDraft | null) ?? root
  }
  switch (action.type) {
    case "replace":
      return action.root
    case "add-condition":
      return apply(action.parent, onGroup((group) => ({ ...group, children: [...group.children, newCondition(action.field, action.today)] })))
    case "add-group":
      // A new group starts with one condition: an empty `all` would match every customer.
      return apply(
        action.parent,
        onGroup((group) => ({
          ...group,
          children: [
            ...group.children,
            { key: newDraftKey(), kind: "group", mode: group.mode === "all" ? "any" : "all", children: [newCondition(action.field, action.today)] },
          ],
        }))
      )
    case "remove":
      return apply(action.key, () => null)
    case "set-mode":
      return apply(action.key, onGroup((group) => ({ ...group, mode: action.mode })))
    case "set-field":
      return apply(action.key, onCondition((condition) => ({ ...newCondition(action.field, action.today), key: condition.key })))
    case "set-op":
      return apply(
        action.key,
        onCondition((condition) => ({
          ...condition,
          op: action.op,
          value: carryValue(action.field, condition.op, action.op, condition.value, action.today),
        }))
      )
    case "set-value":
      return apply(action.key, onCondition((condition) => ({ ...condition, value: action.value })))
    case "set-window":
      return apply(action.key, onCondition((condition) => ({ ...condition, window_days: action.window_days })))
  }
}

/** How deep a node may go: groups at depth 0 (the root) to `depth - 1`. */
export const canNestGroup = (depth: number) => depth + 1 < SEGMENT_LIMITS.depth

export const countConditions = (node: RuleDraft): number =>
  node.kind === "condition" ? 1 : node.children.reduce((sum, child) => sum + countConditions(child), 0)

// ---------------------------------------------------------------------------
// Editor state -> rule tree

export type RuleErrors = Record<string, CrmMessageKey>

const NUMBER = /^-?\d+(\.\d+)?$/
const WHOLE = /^\d+$/

const parseNumber = (text: string): number | null => (NUMBER.test(text.trim()) ? Number(text.trim()) : null)

/** The condition's value for the server, or the message key of what is missing. */
const conditionValue = (info: SegmentFieldInfo, condition: ConditionDraft): ConditionValue | CrmMessageKey => {
  const { value } = condition
  const texts = (Array.isArray(value) ? value : []).map((item) => item.trim()).filter(Boolean)
  const text = typeof value === "string" ? value.trim() : ""
  switch (valueInputOf(fieldKind(info), condition.op)) {
    case "exists":
    case "boolean":
      return typeof value === "boolean" ? value : "segmentRules.error.value"
    case "number": {
      const number = parseNumber(text)
      return number ?? "segmentRules.error.number"
    }
    case "days":
      return WHOLE.test(text) ? Number(text) : "segmentRules.error.days"
    case "number_pair": {
      const pair = (Array.isArray(value) ? value : []).map((item) => parseNumber(item))
      if (pair.length !== 2 || pair[0] === null || pair[1] === null) return "segmentRules.error.pair"
      return pair[0] > pair[1] ? "segmentRules.error.order" : (pair as number[])
    }
    case "date_pair": {
      const pair = Array.isArray(value) ? value.map((item) => item.trim()) : []
      if (pair.length !== 2 || !pair[0] || !pair[1]) return "segmentRules.error.datePair"
      return Date.parse(pair[0]) > Date.parse(pair[1]) ? "segmentRules.error.order" : pair
    }
    case "number_list": {
      const numbers = texts.map(parseNumber)
      if (!numbers.length) return "segmentRules.error.list"
      return numbers.some((number) => number === null) ? "segmentRules.error.number" : (numbers as number[])
    }
    case "text_list":
    case "choice_list":
      return texts.length ? texts : "segmentRules.error.list"
    case "date":
      return text || "segmentRules.error.date"
    case "text":
    case "choice":
      return text || "segmentRules.error.value"
  }
}

const isMessageKey = (value: ConditionValue | CrmMessageKey): value is CrmMessageKey =>
  typeof value === "string" && value.startsWith("segmentRules.error.")

/**
 * The builder's state as the rule tree the server takes, with a message per
 * condition that is not complete yet (keyed by the row's key). The server
 * checks the rest (integer fields, ranges) and says which in its 400.
 */
export const draftToRule = (
  root: GroupDraft,
  fields: SegmentFieldInfo[]
): { rule: SegmentRule | null; errors: RuleErrors } => {
  const byName = new Map(fields.map((info) => [info.field, info]))
  const errors: RuleErrors = {}
  const convert = (node: RuleDraft): SegmentRule => {
    if (node.kind === "group") {
      const children = node.children.map(convert)
      return node.mode === "all" ? { all: children } : { any: children }
    }
    const info = byName.get(node.field)
    if (!info) {
      errors[node.key] = "segmentRules.error.field"
      return { field: node.field, op: node.op, value: "" }
    }
    const value = conditionValue(info, node)
    if (isMessageKey(value)) {
      errors[node.key] = value
      return { field: node.field, op: node.op, value: "" }
    }
    const condition: SegmentCondition = { field: node.field, op: node.op, value }
    const window = node.window_days.trim()
    if (fieldKind(info) === "bought" && window) {
      if (WHOLE.test(window) && Number(window) > 0) condition.window_days = Number(window)
      else errors[node.key] = "segmentRules.error.window"
    }
    return condition
  }
  const rule = convert(root)
  return { rule: Object.keys(errors).length ? null : rule, errors }
}

// ---------------------------------------------------------------------------
// Summaries

const OP_KEYS: Record<Exclude<SegmentOp, "between" | "within_days" | "exists">, CrmMessageKey> = {
  eq: "segmentRules.summary.eq",
  neq: "segmentRules.summary.neq",
  gt: "segmentRules.summary.gt",
  gte: "segmentRules.summary.gte",
  lt: "segmentRules.summary.lt",
  lte: "segmentRules.summary.lte",
  in: "segmentRules.summary.in",
  nin: "segmentRules.summary.nin",
}

const DATE_OP_KEYS: Partial<Record<SegmentOp, CrmMessageKey>> = {
  gt: "segmentRules.opDate.gt",
  gte: "segmentRules.opDate.gte",
  lt: "segmentRules.opDate.lt",
  lte: "segmentRules.opDate.lte",
}

/** An op in the builder's picker; a date's comparisons read "after" / "before", not "more than" / "less than". */
export const opLabel = (op: SegmentOp, t: CrmTranslation["t"], kind?: FieldKind) =>
  t((kind === "date" && DATE_OP_KEYS[op]) || (`segmentRules.op.${op}` as CrmMessageKey))

/** A condition in words: "Orders ≥ 3", "Country is one of cn, hk", "RFM group = At risk". */
export const conditionSummary = (
  condition: SegmentCondition,
  info: SegmentFieldInfo | undefined,
  { t, formatNumber }: Pick<CrmTranslation, "t" | "formatNumber">
): string => {
  const field = info?.label ?? condition.field
  const show = (value: number | string | boolean) => {
    if (typeof value === "number") return formatNumber(value)
    if (typeof value === "boolean") return value ? t("segmentRules.yes") : t("segmentRules.no")
    return info?.values?.find((choice) => choice.value === value)?.label ?? value
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value]
  let text: string
  switch (condition.op) {
    case "exists":
      text = t(condition.value ? "segmentRules.summary.exists" : "segmentRules.summary.missing", { field })
      break
    case "between":
      text = t("segmentRules.summary.between", { field, from: show(values[0] ?? ""), to: show(values[1] ?? "") })
      break
    case "within_days":
      text = t("segmentRules.summary.within", { field, days: show(values[0] ?? "") })
      break
    default:
      text = t(OP_KEYS[condition.op], { field, value: values.map(show).join(", ") })
  }
  return condition.window_days ? t("segmentRules.summary.window", { rule: text, days: formatNumber(condition.window_days) }) : text
}

/** A whole rule in words; nested groups in parentheses. `{ all: [] }` is "every customer". */
export const ruleSummary = (
  rule: SegmentRule,
  fields: SegmentFieldInfo[],
  i18n: Pick<CrmTranslation, "t" | "formatNumber">
): string => {
  const byName = new Map(fields.map((info) => [info.field, info]))
  const walk = (node: SegmentRule, nested: boolean): string => {
    if (!isGroupRule(node)) return conditionSummary(node, byName.get(node.field), i18n)
    const all = "all" in node
    const children = all ? node.all : node.any
    if (!children.length) return all ? i18n.t("segmentRules.summary.everyone") : i18n.t("segmentRules.summary.nobody")
    const joined = children.map((child) => walk(child, true)).join(all ? i18n.t("segmentRules.summary.and") : i18n.t("segmentRules.summary.or"))
    return nested && children.length > 1 ? `(${joined})` : joined
  }
  return walk(rule, false)
}

export const refreshModeLabel = (mode: SegmentRefreshMode, t: CrmTranslation["t"]) => t(`segments.refresh.${mode}` as CrmMessageKey)

// ---------------------------------------------------------------------------
// The segment form

export type SegmentForm = { name: string; description: string; refresh: SegmentRefreshMode }
export type SegmentBody = { name: string; description?: string | null; rules: SegmentRule; refresh: SegmentRefreshMode }

export const segmentToForm = (segment: AdminSegment | null): SegmentForm => ({
  name: segment?.name ?? "",
  description: segment?.description ?? "",
  refresh: segment?.refresh ?? "daily",
})

export const validateSegmentForm = (form: SegmentForm): Partial<Record<keyof SegmentForm, CrmMessageKey>> => {
  const errors: Partial<Record<keyof SegmentForm, CrmMessageKey>> = {}
  const name = form.name.trim()
  if (!name) errors.name = "segmentForm.error.name"
  else if (name.length > SEGMENT_LIMITS.name) errors.name = "segmentForm.error.nameLength"
  if (form.description.trim().length > SEGMENT_LIMITS.description) errors.description = "segmentForm.error.descriptionLength"
  return errors
}

/**
 * A rule as text with every object's keys sorted: the server answers its
 * conditions as `{ op, field, value }`, the builder writes `{ field, op, value }`.
 */
export const canonicalRule = (rule: SegmentRule) =>
  JSON.stringify(rule, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value
  )

/** What a save sends: everything for a new segment, only what changed for an existing one. */
export const segmentBody = (form: SegmentForm, rule: SegmentRule, segment: AdminSegment | null): Partial<SegmentBody> => {
  const description = form.description.trim() || null
  const body: SegmentBody = { name: form.name.trim(), description, rules: rule, refresh: form.refresh }
  if (!segment) return description ? body : { name: body.name, rules: rule, refresh: body.refresh }
  const changes: Partial<SegmentBody> = {}
  if (body.name !== segment.name) changes.name = body.name
  if (description !== (segment.description || null)) changes.description = description
  if (body.refresh !== segment.refresh) changes.refresh = body.refresh
  if (canonicalRule(rule) !== canonicalRule(segment.rules)) changes.rules = rule
  return changes
}

// ---------------------------------------------------------------------------
// Segment promotions

export type PromotionForm = {
  code: string
  is_automatic: boolean
  type: "percentage" | "fixed"
  value: string
  currency_code: string
  target_type: "order" | "items"
  limit_per_customer: string
  status: "draft" | "active"
}

export type SegmentPromotionBody = {
  code: string
  is_automatic: boolean
  status: "draft" | "active"
  application_method: { type: "percentage" | "fixed"; value: number; target_type: "order" | "items"; currency_code?: string }
  limit_per_customer?: number
}

export const newPromotionForm = (currency: string | undefined): PromotionForm => ({
  code: "",
  is_automatic: false,
  type: "percentage",
  value: "10",
  currency_code: currency ?? "",
  target_type: "order",
  limit_per_customer: "",
  status: "draft",
})

const CODE = /^[A-Za-z0-9_-]{1,100}$/

export const validatePromotionForm = (
  form: PromotionForm
): { errors: Partial<Record<keyof PromotionForm, CrmMessageKey>>; body: SegmentPromotionBody | null } => {
  const errors: Partial<Record<keyof PromotionForm, CrmMessageKey>> = {}
  const code = form.code.trim()
  if (!CODE.test(code)) errors.code = "segmentPromotion.error.code"
  const value = parseNumber(form.value)
  if (value === null || value <= 0 || (form.type === "percentage" && value > 100)) {
    errors.value = form.type === "percentage" ? "segmentPromotion.error.percentage" : "segmentPromotion.error.amount"
  }
  if (form.type === "fixed" && !form.currency_code) errors.currency_code = "segmentPromotion.error.currency"
  const limit = form.limit_per_customer.trim()
  if (limit && !(WHOLE.test(limit) && Number(limit) > 0)) errors.limit_per_customer = "segmentPromotion.error.limit"
  if (Object.keys(errors).length) return { errors, body: null }
  return {
    errors,
    body: {
      code,
      is_automatic: form.is_automatic,
      status: form.status,
      application_method: {
        type: form.type,
        value: value!,
        target_type: form.target_type,
        ...(form.type === "fixed" ? { currency_code: form.currency_code.toLowerCase() } : {}),
      },
      ...(limit ? { limit_per_customer: Number(limit) } : {}),
    },
  }
}

// ---------------------------------------------------------------------------
// RFM

/** Best groups green, the middle orange, the ones slipping away red (theme variables, so dark mode follows). */
export const RFM_GROUP_FILLS: Record<RfmGroup, string> = {
  champions: "var(--tag-green-icon)",
  loyal: "var(--tag-green-icon)",
  potential_loyalist: "var(--tag-blue-icon)",
  new: "var(--tag-blue-icon)",
  promising: "var(--tag-blue-icon)",
  need_attention: "var(--tag-orange-icon)",
  at_risk: "var(--tag-orange-icon)",
  cannot_lose_them: "var(--tag-red-icon)",
  hibernating: "var(--tag-neutral-icon)",
  lost: "var(--tag-neutral-icon)",
}

/** Each group's bar height as a share of the largest group (the tallest bar fills the chart). */
export const rfmBarHeights = (groups: Pick<RfmGroupShare, "customers">[]) => {
  const largest = Math.max(0, ...groups.map((group) => group.customers))
  return groups.map((group) => (largest ? Math.max(0, group.customers) / largest : 0))
}

export const formatShare = (share: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(share)

export const memberName = (member: Pick<SegmentMember, "first_name" | "last_name">) =>
  [member.first_name, member.last_name]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ")
