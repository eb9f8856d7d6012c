import { z } from "@medusajs/framework/zod"
import { fieldDefinition, isSegmentField, OPS, OPS_OF_TYPE, SEGMENT_FIELD_NAMES, type FieldDefinition, type Op } from "./fields"
import type { ConditionValue, SegmentCondition, SegmentRule } from "./rule"

export const MAX_RULE_DEPTH = 5
export const MAX_CONDITIONS = 50
const MAX_LIST = 500
const MAX_WINDOW_DAYS = 3650

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })])
const text = z.string().trim().min(1).max(200)

/** The zod schema of one scalar value of a field, with what it expects in words. */
function scalarOf(definition: FieldDefinition): { schema: z.ZodType<number | string | boolean>; expects: string } {
  switch (definition.type) {
    case "number": {
      let schema = definition.integer ? z.number().int() : z.number()
      const range =
        definition.min !== undefined && definition.max !== undefined
          ? ` from ${definition.min} to ${definition.max}`
          : definition.min !== undefined
            ? ` of at least ${definition.min}`
            : ""
      if (definition.min !== undefined) schema = schema.min(definition.min)
      if (definition.max !== undefined) schema = schema.max(definition.max)
      return { schema: schema.finite(), expects: `${definition.integer ? "an integer" : "a number"}${range}` }
    }
    case "date":
      return { schema: isoDate, expects: "an ISO date (2026-01-31 or 2026-01-31T12:00:00Z)" }
    case "boolean":
      return { schema: z.boolean(), expects: "true or false" }
    case "enum":
      return definition.values
        ? { schema: z.enum(definition.values as [string, ...string[]]), expects: `one of ${definition.values.join(", ")}` }
        : { schema: text, expects: "an id" }
    case "bought":
      return { schema: text, expects: "an id" }
    case "string":
      // The one text field is the country: an ISO 3166-1 alpha-2 code, as Medusa stores them (lower case).
      return {
        schema: z
          .string()
          .trim()
          .regex(/^[A-Za-z]{2}$/)
          .transform((value) => value.toLowerCase()),
        expects: "a 2-letter country code (ISO 3166-1 alpha-2)",
      }
  }
}

/** The zod schema of a condition's whole value for its field and op. */
function valueOf(definition: FieldDefinition, op: Op): { schema: z.ZodType<ConditionValue>; expects: string } {
  if (op === "exists") {
    return { schema: z.boolean(), expects: "true (has a value) or false (has none)" }
  }
  if (op === "within_days") {
    return { schema: z.number().int().min(0).max(MAX_WINDOW_DAYS), expects: `a whole number of days from 0 to ${MAX_WINDOW_DAYS}` }
  }
  const scalar = scalarOf(definition)
  if (op === "in" || op === "nin") {
    return {
      schema: z
        .array(scalar.schema as z.ZodType<number | string>)
        .min(1)
        .max(MAX_LIST)
        .transform((values) => [...new Set(values)]),
      expects: `a list of 1-${MAX_LIST} values, each ${scalar.expects}`,
    }
  }
  if (op === "between") {
    return {
      schema: z
        .tuple([scalar.schema, scalar.schema])
        .refine(([from, to]) => (definition.type === "date" ? Date.parse(String(from)) <= Date.parse(String(to)) : from <= to))
        .transform((pair) => pair as (number | string)[]),
      expects: `[from, to], each ${scalar.expects}, from not after to`,
    }
  }
  return { schema: scalar.schema, expects: scalar.expects }
}

const show = (value: unknown) => (value === undefined ? "nothing" : JSON.stringify(value)?.slice(0, 80) ?? String(value))

type Problems = string[]
type Count = { conditions: number }

function parseCondition(input: Record<string, unknown>, path: string, problems: Problems): SegmentCondition | undefined {
  const { field, op, value, window_days, ...rest } = input
  const extra = Object.keys(rest)
  if (extra.length) {
    problems.push(`${path}: unknown key${extra.length > 1 ? "s" : ""} ${extra.map((k) => `"${k}"`).join(", ")} (a condition has field, op, value and, for bought_* fields, window_days)`)
    return
  }
  if (!isSegmentField(field)) {
    problems.push(`${path}: unknown field ${show(field)}; the fields are ${SEGMENT_FIELD_NAMES.join(", ")}`)
    return
  }
  const definition = fieldDefinition(field)
  if (typeof op !== "string" || !(OPS as readonly string[]).includes(op)) {
    problems.push(`${path}: unknown op ${show(op)}; the ops are ${OPS.join(", ")}`)
    return
  }
  const allowed = OPS_OF_TYPE[definition.type]
  if (!allowed.includes(op as Op) || (op === "exists" && !definition.nullable)) {
    const ops = allowed.filter((o) => o !== "exists" || definition.nullable)
    problems.push(`${path}: ${field} does not take op "${op}"; it takes ${ops.join(", ")}`)
    return
  }
  const expected = valueOf(definition, op as Op)
  const parsed = expected.schema.safeParse(value)
  if (!parsed.success) {
    problems.push(`${path}: ${field} ${op} needs ${expected.expects}, got ${show(value)}`)
    return
  }
  const condition: SegmentCondition = { field, op: op as Op, value: parsed.data }
  if (window_days !== undefined) {
    if (definition.type !== "bought") {
      problems.push(`${path}: window_days applies only to the bought_* fields, not to ${field}`)
      return
    }
    const days = z.number().int().min(1).max(MAX_WINDOW_DAYS).safeParse(window_days)
    if (!days.success) {
      problems.push(`${path}: window_days needs a whole number of days from 1 to ${MAX_WINDOW_DAYS}, got ${show(window_days)}`)
      return
    }
    condition.window_days = days.data
  }
  return condition
}

function parseNode(input: unknown, path: string, depth: number, count: Count, problems: Problems): SegmentRule | undefined {
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    problems.push(`${path}: a rule is an object: { all: [...] }, { any: [...] } or { field, op, value }`)
    return
  }
  const node = input as Record<string, unknown>
  const kind = "all" in node ? "all" : "any" in node ? "any" : null
  if (!kind) {
    if (++count.conditions > MAX_CONDITIONS) {
      if (count.conditions === MAX_CONDITIONS + 1) problems.push(`${path}: a segment has at most ${MAX_CONDITIONS} conditions`)
      return
    }
    return parseCondition(node, path, problems)
  }
  if (Object.keys(node).length !== 1) {
    problems.push(`${path}: a group has only one key, "all" or "any"`)
    return
  }
  if (depth >= MAX_RULE_DEPTH) {
    problems.push(`${path}: groups nest at most ${MAX_RULE_DEPTH} deep`)
    return
  }
  const children = node[kind]
  if (!Array.isArray(children)) {
    problems.push(`${path}.${kind}: a group's "${kind}" is a list of rules`)
    return
  }
  const rules = children.map((child, i) => parseNode(child, `${path}.${kind}[${i}]`, depth + 1, count, problems))
  return { [kind]: rules } as SegmentRule
}

/** Checks a rule tree; the problems name where and what (an empty list when it is well formed). */
export function parseSegmentRule(input: unknown): { rule?: SegmentRule; problems: string[] } {
  const problems: string[] = []
  const rule = parseNode(input, "rules", 0, { conditions: 0 }, problems)
  return problems.length ? { problems } : { rule, problems }
}

/** The zod schema of `rules` in request bodies: the checked, typed tree, or one issue per problem. */
export const SegmentRuleSchema = z.unknown().transform((input, ctx): SegmentRule => {
  const { rule, problems } = parseSegmentRule(input)
  for (const message of problems.slice(0, 3)) {
    ctx.addIssue({ code: "custom", message })
  }
  return problems.length ? z.NEVER : rule!
})
