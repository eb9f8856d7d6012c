import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { FactSource, FieldType, SegmentField } from "./fields"
import { fieldDefinition } from "./fields"
import { conditionsOf, isAllGroup, isCondition, type SegmentCondition, type SegmentRule } from "./rule"
import { CompiledQuery, SqlBuilder } from "./sql-builder"

const DAY_MS = 86_400_000

/** Order-fact aggregates a rule can ask for, by the column they give. */
const ORDER_AGGREGATES = {
  order_count: "COUNT(*)::int",
  total_spent: "SUM(f.spend - f.returned_spend)",
  first_order_at: "MIN(f.placed_at)",
  last_order_at: "MAX(f.placed_at)",
  country_code: "(array_agg(f.country_code ORDER BY f.placed_at DESC) FILTER (WHERE f.country_code IS NOT NULL))[1]",
} as const
type OrderAggregate = keyof typeof ORDER_AGGREGATES

/** The order aggregates each field needs. */
const AGGREGATES_OF_FIELD: Partial<Record<SegmentField, OrderAggregate[]>> = {
  total_spent: ["total_spent"],
  order_count: ["order_count"],
  average_order_value: ["total_spent", "order_count"],
  first_order_at: ["first_order_at"],
  last_order_at: ["last_order_at"],
  days_since_last_order: ["last_order_at"],
  country_code: ["country_code"],
}

/**
 * The per-customer facts view: each source is a LEFT JOIN onto `customer c`
 * giving at most one row per customer. A compiled rule joins only the
 * sources its fields read, so a rule on tiers never aggregates orders.
 */
const SOURCE_JOINS: Record<Exclude<FactSource, "customer" | "lines" | "orders">, string> = {
  address: `LEFT JOIN customer_address a ON a.customer_id = c.id AND a.is_default_shipping AND a.deleted_at IS NULL`,
  loyalty: `LEFT JOIN crm_loyalty_account la ON la.customer_id = c.id AND la.deleted_at IS NULL`,
  tickets: `LEFT JOIN (SELECT t.customer_id, COUNT(*)::int AS open_tickets FROM crm_ticket t
      WHERE t.deleted_at IS NULL AND t.status IN ('open', 'reopened', 'pending_customer') GROUP BY t.customer_id) t ON t.customer_id = c.id`,
  reviews: `LEFT JOIN (SELECT r.customer_id, COUNT(*)::int AS reviews_written FROM crm_review r
      WHERE r.deleted_at IS NULL GROUP BY r.customer_id) rv ON rv.customer_id = c.id`,
  nps: `LEFT JOIN (SELECT DISTINCT ON (sr.customer_id) sr.customer_id, sr.score FROM crm_survey_response sr
      JOIN crm_survey s ON s.id = sr.survey_id AND s.type = 'nps' AND s.deleted_at IS NULL
      WHERE sr.deleted_at IS NULL AND sr.score IS NOT NULL
      ORDER BY sr.customer_id, sr.created_at DESC, sr.id DESC) nps ON nps.customer_id = c.id`,
  rfm: `LEFT JOIN crm_customer_rfm rfm ON rfm.customer_id = c.id`,
}

/** A field's value as an SQL expression over the joined sources (`now` is the rule's as-of time). */
function expressionOf(field: Exclude<SegmentField, `bought_${string}`>, q: SqlBuilder, now: Date): string {
  switch (field) {
    case "total_spent":
      return "COALESCE(o.total_spent, 0)"
    case "order_count":
      return "COALESCE(o.order_count, 0)"
    case "average_order_value":
      return "(o.total_spent / NULLIF(o.order_count, 0))"
    case "first_order_at":
      return "o.first_order_at"
    case "last_order_at":
      return "o.last_order_at"
    case "days_since_last_order":
      return `floor(extract(epoch FROM (${q.bind(now, "timestamptz")} - o.last_order_at)) / 86400)`
    case "country_code":
      return "COALESCE(lower(a.country_code), o.country_code)"
    case "account_age_days":
      return `floor(extract(epoch FROM (${q.bind(now, "timestamptz")} - c.created_at)) / 86400)`
    case "has_account":
      return "c.has_account"
    case "tier_id":
      return "la.tier_id"
    case "points_balance":
      return "la.points_balance"
    case "open_tickets":
      return "COALESCE(t.open_tickets, 0)"
    case "reviews_written":
      return "COALESCE(rv.reviews_written, 0)"
    case "last_nps_score":
      return "nps.score"
    case "rfm_group":
      return "rfm.rfm_group"
    case "rfm_recency":
      return "rfm.recency"
    case "rfm_frequency":
      return "rfm.frequency"
    case "rfm_monetary":
      return "rfm.monetary"
  }
}

const CAST: Record<Exclude<FieldType, "bought">, string> = {
  number: "numeric",
  date: "timestamptz",
  string: "text",
  enum: "text",
  boolean: "boolean",
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A date value's bound: a bare date (YYYY-MM-DD) is the whole UTC day, so its end is the next day's start. */
const dayStart = (value: string) => new Date(value)
const dayEnd = (value: string) => (DATE_ONLY.test(value) ? new Date(new Date(value).getTime() + DAY_MS) : null)

/**
 * Dates compare as instants bound as Date values (never cast from text in the
 * session's time zone); a bare date is its whole UTC day, so "after 5 May"
 * starts on 6 May and "on or before 5 May" takes in all of it.
 */
function dateComparisonSql(condition: SegmentCondition, expression: string, q: SqlBuilder): string | null {
  const at = (value: Date) => q.bind(value, "timestamptz")
  const value = String(condition.value)
  switch (condition.op) {
    case "gt": {
      const end = dayEnd(value)
      return end ? `${expression} >= ${at(end)}` : `${expression} > ${at(dayStart(value))}`
    }
    case "gte":
      return `${expression} >= ${at(dayStart(value))}`
    case "lt":
      return `${expression} < ${at(dayStart(value))}`
    case "lte": {
      const end = dayEnd(value)
      return end ? `${expression} < ${at(end)}` : `${expression} <= ${at(dayStart(value))}`
    }
    case "between": {
      const [from, to] = (condition.value as string[]).map(String)
      const end = dayEnd(to)
      return `(${expression} >= ${at(dayStart(from))} AND ${expression} ${end ? "<" : "<="} ${at(end ?? dayStart(to))})`
    }
    default:
      return null
  }
}

function comparisonSql(condition: SegmentCondition, q: SqlBuilder, now: Date): string {
  const definition = fieldDefinition(condition.field)
  const expression = expressionOf(condition.field as Exclude<SegmentField, `bought_${string}`>, q, now)
  const cast = CAST[definition.type as Exclude<FieldType, "bought">]
  const value = condition.value as Knex.Value
  const byDay = definition.type === "date" ? dateComparisonSql(condition, expression, q) : null
  if (byDay) {
    return byDay
  }
  switch (condition.op) {
    case "eq":
      return `${expression} = ${q.bind(value, cast)}`
    case "neq":
      // A customer without a value differs from any value.
      return `${expression} IS DISTINCT FROM ${q.bind(value, cast)}`
    case "gt":
      return `${expression} > ${q.bind(value, cast)}`
    case "gte":
      return `${expression} >= ${q.bind(value, cast)}`
    case "lt":
      return `${expression} < ${q.bind(value, cast)}`
    case "lte":
      return `${expression} <= ${q.bind(value, cast)}`
    case "in":
      return `${expression} = ANY(${q.bind(value, `${cast}[]`)})`
    case "nin":
      return `(${expression} IS NULL OR NOT (${expression} = ANY(${q.bind(value, `${cast}[]`)})))`
    case "between": {
      const [from, to] = value as (number | string)[]
      return `${expression} BETWEEN ${q.bind(from, cast)} AND ${q.bind(to, cast)}`
    }
    case "within_days":
      return `${expression} >= ${q.bind(new Date(now.getTime() - (value as number) * DAY_MS), "timestamptz")}`
    case "exists":
      return value ? `${expression} IS NOT NULL` : `${expression} IS NULL`
  }
}

const LINE_MATCH: Record<`bought_${string}`, (ids: string) => string> = {
  bought_product: (ids) => `l.product_id = ANY(${ids})`,
  bought_category: (ids) => `l.category_ids && ${ids}`,
  bought_collection: (ids) => `l.collection_id = ANY(${ids})`,
}

/** Bought: a line (not canceled, not wholly returned) matching the ids, in the window if one is given. */
function boughtSql(condition: SegmentCondition, q: SqlBuilder, now: Date): string {
  const ids = Array.isArray(condition.value) ? condition.value.map(String) : [String(condition.value)]
  const negated = condition.op === "neq" || condition.op === "nin"
  const match = LINE_MATCH[condition.field](q.bind(ids, "text[]"))
  const window = condition.window_days
    ? ` AND l.placed_at >= ${q.bind(new Date(now.getTime() - condition.window_days * DAY_MS), "timestamptz")}`
    : ""
  return `${negated ? "NOT " : ""}EXISTS (SELECT 1 FROM crm_order_line_fact l
      WHERE l.customer_id = c.id AND l.deleted_at IS NULL AND l.canceled_at IS NULL
        AND l.quantity > l.returned_quantity AND ${match}${window})`
}

function predicateSql(rule: SegmentRule, q: SqlBuilder, now: Date): string {
  if (isCondition(rule)) {
    return fieldDefinition(rule.field).type === "bought" ? boughtSql(rule, q, now) : comparisonSql(rule, q, now)
  }
  const [children, joiner, empty] = isAllGroup(rule) ? [rule.all, " AND ", "TRUE"] : [rule.any, " OR ", "FALSE"]
  return children.length ? `(${children.map((child) => predicateSql(child, q, now)).join(joiner)})` : empty
}

/** The sources a rule reads and the order aggregates it needs. */
export function sourcesOf(rule: SegmentRule): { sources: Set<FactSource>; aggregates: Set<OrderAggregate> } {
  const sources = new Set<FactSource>()
  const aggregates = new Set<OrderAggregate>()
  for (const condition of conditionsOf(rule)) {
    sources.add(fieldDefinition(condition.field).source)
    for (const aggregate of AGGREGATES_OF_FIELD[condition.field] ?? []) {
      aggregates.add(aggregate)
      sources.add("orders")
    }
  }
  return { sources, aggregates }
}

function ordersJoin(aggregates: Set<OrderAggregate>, q: SqlBuilder, now: Date): string {
  const columns = [...aggregates].map((name) => `${ORDER_AGGREGATES[name]} AS ${name}`).join(", ")
  return `LEFT JOIN (SELECT f.customer_id, ${columns} FROM crm_order_fact f
      WHERE f.deleted_at IS NULL AND f.canceled_at IS NULL AND f.customer_id IS NOT NULL
        AND f.placed_at <= ${q.bind(now, "timestamptz")}
      GROUP BY f.customer_id) o ON o.customer_id = c.id`
}

/**
 * One parameterised statement giving the `customer_id` of every customer the
 * rule matches at `now`: the customers (not deleted) joined to the fact
 * sources the rule reads, filtered by the rule's predicate. Field names and
 * ops map to this file's own SQL; values are only ever bindings.
 */
export function compileSegmentRule(rule: SegmentRule, now: Date): CompiledQuery {
  const q = new SqlBuilder()
  const { sources, aggregates } = sourcesOf(rule)
  const joins: string[] = []
  if (sources.has("orders")) {
    joins.push(ordersJoin(aggregates, q, now))
  }
  for (const source of Object.keys(SOURCE_JOINS) as (keyof typeof SOURCE_JOINS)[]) {
    if (sources.has(source)) {
      joins.push(SOURCE_JOINS[source])
    }
  }
  const predicate = predicateSql(rule, q, now)
  return {
    sql: `SELECT c.id AS customer_id FROM customer c
    ${joins.join("\n    ")}
    WHERE c.deleted_at IS NULL AND ${predicate}`,
    bindings: q.bindings,
  }
}
