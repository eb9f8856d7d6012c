import fc from "fast-check"
import { SEGMENT_FIELDS, type FieldDefinition, type SegmentField } from "../rules/fields"
import { MAX_CONDITIONS, MAX_RULE_DEPTH, parseSegmentRule } from "../rules/parse"
import { conditionsOf, type SegmentRule } from "../rules/rule"

const problemsOf = (input: unknown) => {
  const { rule, problems } = parseSegmentRule(input)
  expect(rule).toBeUndefined()
  return problems
}
const parsed = (input: unknown) => {
  const { rule, problems } = parseSegmentRule(input)
  expect(problems).toEqual([])
  return rule
}

describe("parseSegmentRule: well-formed trees", () => {
  it.each<[string, unknown]>([
    ["every customer", { all: [] }],
    ["nobody-excluding any", { any: [] }],
    ["a number", { all: [{ field: "order_count", op: "gte", value: 2 }] }],
    ["a decimal amount", { all: [{ field: "total_spent", op: "between", value: [10.5, 99.99] }] }],
    ["a date", { all: [{ field: "last_order_at", op: "gte", value: "2026-01-31" }] }],
    ["a date-time", { all: [{ field: "first_order_at", op: "lt", value: "2026-01-31T12:00:00Z" }] }],
    ["within days", { all: [{ field: "last_order_at", op: "within_days", value: 30 }] }],
    ["exists on a nullable field", { all: [{ field: "last_nps_score", op: "exists", value: false }] }],
    ["a boolean", { all: [{ field: "has_account", op: "eq", value: true }] }],
    ["an rfm group", { all: [{ field: "rfm_group", op: "in", value: ["champions", "loyal"] }] }],
    ["a tier id", { all: [{ field: "tier_id", op: "eq", value: "lptier_01" }] }],
    ["bought with a window", { all: [{ field: "bought_product", op: "in", value: ["prod_1", "prod_2"], window_days: 90 }] }],
    [
      "nested groups",
      {
        any: [
          { all: [{ field: "country_code", op: "eq", value: "de" }, { field: "rfm_recency", op: "gte", value: 4 }] },
          { all: [{ any: [{ field: "open_tickets", op: "gt", value: 0 }] }] },
        ],
      },
    ],
  ])("%s", (_, input) => {
    expect(parsed(input)).toEqual(input)
  })

  it("normalises: strings trimmed, countries lower-cased, lists without duplicates", () => {
    expect(
      parsed({
        all: [
          { field: "country_code", op: "in", value: [" DE", "de", "Fr "] },
          { field: "tier_id", op: "eq", value: "  lptier_1 " },
          { field: "order_count", op: "in", value: [1, 2, 1] },
        ],
      })
    ).toEqual({
      all: [
        { field: "country_code", op: "in", value: ["de", "fr"] },
        { field: "tier_id", op: "eq", value: "lptier_1" },
        { field: "order_count", op: "in", value: [1, 2] },
      ],
    })
  })

  it(`accepts groups ${MAX_RULE_DEPTH} deep and exactly ${MAX_CONDITIONS} conditions`, () => {
    let deep: unknown = { all: [{ field: "order_count", op: "gte", value: 1 }] }
    for (let i = 1; i < MAX_RULE_DEPTH; i++) deep = { any: [deep] }
    expect(parsed(deep)).toEqual(deep)
    const many = { any: Array.from({ length: MAX_CONDITIONS }, (_, i) => ({ field: "order_count", op: "eq", value: i })) }
    expect(parsed(many)).toEqual(many)
  })
})

describe("parseSegmentRule: mistakes name where and what", () => {
  it("a rule that is not an object", () => {
    expect(problemsOf(null)).toEqual([expect.stringMatching(/^rules: a rule is an object/)])
    expect(problemsOf({ all: ["x"] })).toEqual([expect.stringMatching(/^rules\.all\[0\]: a rule is an object/)])
    expect(problemsOf({ any: "x" })).toEqual([expect.stringMatching(/^rules\.any: a group's "any" is a list of rules/)])
  })

  it("an unknown field", () => {
    const [problem] = problemsOf({ all: [{ field: "order_count", op: "gte", value: 1 }, { field: "shoe_size", op: "eq", value: 42 }] })
    expect(problem).toMatch(/^rules\.all\[1\]: unknown field "shoe_size"; the fields are total_spent, order_count/)
  })

  it("an unknown op", () => {
    const [problem] = problemsOf({ all: [{ field: "order_count", op: "like", value: 1 }] })
    expect(problem).toMatch(/^rules\.all\[0\]: unknown op "like"; the ops are eq, neq/)
  })

  it("an op the field's type does not take", () => {
    expect(problemsOf({ all: [{ field: "has_account", op: "gt", value: true }] })).toEqual([
      'rules.all[0]: has_account does not take op "gt"; it takes eq, neq',
    ])
    expect(problemsOf({ any: [{ field: "last_order_at", op: "eq", value: "2026-01-01" }] })).toEqual([
      'rules.any[0]: last_order_at does not take op "eq"; it takes gt, gte, lt, lte, between, within_days, exists',
    ])
    // exists only where a customer can lack a value.
    expect(problemsOf({ all: [{ field: "order_count", op: "exists", value: true }] })[0]).toMatch(
      /^rules\.all\[0\]: order_count does not take op "exists"; it takes eq, neq, gt, gte, lt, lte, in, nin, between$/
    )
  })

  it.each<[string, unknown, RegExp]>([
    ["a string for a number", { field: "order_count", op: "gte", value: "2" }, /order_count gte needs an integer of at least 0, got "2"/],
    ["a fraction for a count", { field: "order_count", op: "eq", value: 1.5 }, /order_count eq needs an integer of at least 0, got 1.5/],
    ["an NPS score above 10", { field: "last_nps_score", op: "eq", value: 11 }, /last_nps_score eq needs an integer from 0 to 10, got 11/],
    ["a bad date", { field: "last_order_at", op: "gte", value: "31/01/2026" }, /last_order_at gte needs an ISO date .*, got "31\/01\/2026"/],
    ["a number for a boolean", { field: "has_account", op: "eq", value: 1 }, /has_account eq needs true or false, got 1/],
    ["an unknown rfm group", { field: "rfm_group", op: "eq", value: "vip" }, /rfm_group eq needs one of champions, loyal, .*lost, got "vip"/],
    ["a scalar for in", { field: "country_code", op: "in", value: "de" }, /country_code in needs a list of 1-500 values, each a 2-letter country code \(ISO 3166-1 alpha-2\), got "de"/],
    ["a country name for a country code", { field: "country_code", op: "eq", value: "Germany" }, /country_code eq needs a 2-letter country code \(ISO 3166-1 alpha-2\), got "Germany"/],
    ["an empty list", { field: "bought_product", op: "nin", value: [] }, /bought_product nin needs a list of 1-500 values, each an id, got \[\]/],
    ["one bound for between", { field: "total_spent", op: "between", value: [10] }, /total_spent between needs \[from, to\], each a number, from not after to, got \[10\]/],
    ["negative within_days", { field: "first_order_at", op: "within_days", value: -1 }, /first_order_at within_days needs a whole number of days from 0 to 3650, got -1/],
    ["a missing value", { field: "order_count", op: "eq" }, /order_count eq needs an integer of at least 0, got nothing/],
  ])("a value of the wrong type: %s", (_, condition, message) => {
    const problems = problemsOf({ all: [condition] })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^rules\.all\[0\]: /)
    expect(problems[0]).toMatch(message)
  })

  it("between reversed", () => {
    expect(problemsOf({ all: [{ field: "total_spent", op: "between", value: [100, 10] }] })[0]).toMatch(
      /^rules\.all\[0\]: total_spent between needs \[from, to\], .*from not after to, got \[100,10\]$/
    )
    expect(problemsOf({ all: [{ field: "last_order_at", op: "between", value: ["2026-02-01", "2026-01-01"] }] })[0]).toMatch(
      /^rules\.all\[0\]: last_order_at between needs \[from, to\].*from not after to, got \["2026-02-01","2026-01-01"\]$/
    )
    // Equal bounds are a one-point range, not a mistake.
    expect(parsed({ all: [{ field: "total_spent", op: "between", value: [10, 10] }] })).toBeDefined()
  })

  it("window_days on a field other than bought_*, or out of range", () => {
    expect(problemsOf({ all: [{ field: "order_count", op: "gte", value: 1, window_days: 30 }] })).toEqual([
      "rules.all[0]: window_days applies only to the bought_* fields, not to order_count",
    ])
    expect(problemsOf({ all: [{ field: "bought_category", op: "eq", value: "pcat_1", window_days: 0 }] })).toEqual([
      "rules.all[0]: window_days needs a whole number of days from 1 to 3650, got 0",
    ])
  })

  it(`groups more than ${MAX_RULE_DEPTH} deep`, () => {
    let deep: unknown = { all: [{ field: "order_count", op: "gte", value: 1 }] }
    for (let i = 0; i < MAX_RULE_DEPTH; i++) deep = { any: [deep] }
    const problems = problemsOf(deep)
    expect(problems).toEqual([`rules.any[0].any[0].any[0].any[0].any[0]: groups nest at most ${MAX_RULE_DEPTH} deep`])
  })

  it(`more than ${MAX_CONDITIONS} conditions: one problem, at the first one too many`, () => {
    const many = { any: Array.from({ length: MAX_CONDITIONS + 3 }, (_, i) => ({ field: "order_count", op: "eq", value: i })) }
    expect(problemsOf(many)).toEqual([`rules.any[${MAX_CONDITIONS}]: a segment has at most ${MAX_CONDITIONS} conditions`])
    // Counted across groups, not per group.
    const half = Array.from({ length: 26 }, () => ({ field: "order_count", op: "eq", value: 1 }))
    expect(problemsOf({ all: [{ any: half }, { any: half }] })).toEqual([
      `rules.all[1].any[24]: a segment has at most ${MAX_CONDITIONS} conditions`,
    ])
  })

  it("extra keys in a condition or a group", () => {
    expect(problemsOf({ all: [{ field: "order_count", op: "gte", value: 1, label: "x", not: true }] })).toEqual([
      'rules.all[0]: unknown keys "label", "not" (a condition has field, op, value and, for bought_* fields, window_days)',
    ])
    expect(problemsOf({ all: [], any: [] })).toEqual(['rules: a group has only one key, "all" or "any"'])
    expect(problemsOf({ all: [{ all: [], name: "x" }] })).toEqual(['rules.all[0]: a group has only one key, "all" or "any"'])
  })

  it("reports every problem of a tree, each at its place", () => {
    const problems = problemsOf({
      all: [
        { field: "nope", op: "eq", value: 1 },
        { field: "order_count", op: "gte", value: 1 },
        { any: [{ field: "has_account", op: "eq", value: "yes" }] },
      ],
    })
    expect(problems).toEqual([
      expect.stringMatching(/^rules\.all\[0\]: unknown field "nope"/),
      expect.stringMatching(/^rules\.all\[2\]\.any\[0\]: has_account eq needs true or false, got "yes"$/),
    ])
  })
})

/* ---------- property: random well-formed trees round-trip ---------- */

type Def = FieldDefinition
const FIELDS = Object.entries(SEGMENT_FIELDS) as [SegmentField, Def][]

const isoDay = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2090-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString())
const dateValue = fc.oneof(isoDay, isoDay.map((iso) => iso.slice(0, 10)))
const id = fc.stringMatching(/^[a-z][a-z0-9_]{0,19}$/)

/** A scalar of the field, already in normal form; `messy` is a spelling the parser should normalise to it. */
function scalarOf(def: Def): fc.Arbitrary<{ value: number | string | boolean; messy: number | string | boolean }> {
  const same = <T extends number | string | boolean>(a: fc.Arbitrary<T>) => a.map((value) => ({ value, messy: value }))
  switch (def.type) {
    case "number": {
      const min = def.min ?? -1_000_000
      const max = def.max ?? 1_000_000
      // -0 becomes 0 through JSON, as it does in a request body.
      const number = def.integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
      return same(number.map((n) => (n === 0 ? 0 : n)))
    }
    case "date":
      return same(dateValue)
    case "boolean":
      return same(fc.boolean())
    case "enum":
      return def.values
        ? same(fc.constantFrom(...def.values))
        : id.map((value) => ({ value, messy: `  ${value} ` }))
    case "bought":
      return id.map((value) => ({ value, messy: ` ${value}` }))
    case "string":
      return fc.stringMatching(/^[a-z]{2}$/).map((value) => ({ value, messy: ` ${value.toUpperCase()} ` }))
  }
}

type Pair = { rule: SegmentRule; messy: unknown }

function conditionOf([field, def]: [SegmentField, Def]): fc.Arbitrary<Pair> {
  const scalar = scalarOf(def)
  const ops: fc.Arbitrary<Pair>[] = []
  const single = (op: string) =>
    scalar.map(({ value, messy }) => ({ rule: { field, op, value } as SegmentRule, messy: { field, op, value: messy } }))
  const scalarOps = { number: ["eq", "neq", "gt", "gte", "lt", "lte"], date: ["gt", "gte", "lt", "lte"], string: ["eq", "neq"], enum: ["eq", "neq"], boolean: ["eq", "neq"], bought: ["eq", "neq"] }[def.type]
  for (const op of scalarOps) ops.push(single(op))
  if (def.type !== "date" && def.type !== "boolean") {
    for (const op of ["in", "nin"]) {
      ops.push(
        fc.uniqueArray(scalar, { minLength: 1, maxLength: 5, selector: (s) => s.value }).map((items) => ({
          rule: { field, op, value: items.map((i) => i.value) } as SegmentRule,
          // Messy lists repeat their first item: the parser drops the repeat.
          messy: { field, op, value: [...items.map((i) => i.messy), items[0].messy] },
        }))
      )
    }
  }
  if (def.type === "number" || def.type === "date") {
    ops.push(
      fc.tuple(scalar, scalar).map(([a, b]) => {
        const key = (v: unknown) => (def.type === "date" ? Date.parse(String(v)) : Number(v))
        const [lo, hi] = key(a.value) <= key(b.value) ? [a, b] : [b, a]
        return { rule: { field, op: "between", value: [lo.value, hi.value] } as SegmentRule, messy: { field, op: "between", value: [lo.messy, hi.messy] } }
      })
    )
  }
  if (def.type === "date") {
    ops.push(fc.integer({ min: 0, max: 3650 }).map((value) => ({ rule: { field, op: "within_days", value } as SegmentRule, messy: { field, op: "within_days", value } })))
  }
  if (def.nullable) {
    ops.push(fc.boolean().map((value) => ({ rule: { field, op: "exists", value } as SegmentRule, messy: { field, op: "exists", value } })))
  }
  const condition = fc.oneof(...ops)
  if (def.type !== "bought") return condition
  return fc.tuple(condition, fc.option(fc.integer({ min: 1, max: 3650 }), { nil: undefined })).map(([pair, days]) =>
    days === undefined
      ? pair
      : { rule: { ...(pair.rule as object), window_days: days } as SegmentRule, messy: { ...(pair.messy as object), window_days: days } }
  )
}

const condition = fc.oneof(...FIELDS.map(conditionOf))

function treeOf(depth: number): fc.Arbitrary<Pair> {
  const group = fc
    .tuple(fc.constantFrom("all", "any"), fc.array(depth + 1 < MAX_RULE_DEPTH ? treeOf(depth + 1) : condition, { maxLength: 4 }))
    .map(([kind, children]) => ({
      rule: { [kind]: children.map((c) => c.rule) } as SegmentRule,
      messy: { [kind]: children.map((c) => c.messy) },
    }))
  // The root is always a group; below it, mostly conditions so trees stay small.
  return depth === 0 ? group : fc.oneof({ arbitrary: condition, weight: 3 }, { arbitrary: group, weight: 1 })
}

const tree = treeOf(0).filter(({ rule }) => conditionsOf(rule).length <= MAX_CONDITIONS)

describe("parseSegmentRule: random well-formed trees", () => {
  it("a tree in normal form comes back unchanged", () => {
    fc.assert(
      fc.property(tree, ({ rule }) => {
        // Through JSON, as a request body arrives.
        const { rule: back, problems } = parseSegmentRule(JSON.parse(JSON.stringify(rule)))
        expect(problems).toEqual([])
        expect(back).toEqual(rule)
      }),
      { numRuns: 300 }
    )
  })

  it("a tree spelt loosely comes back in normal form, and parsing that again changes nothing", () => {
    fc.assert(
      fc.property(tree, ({ rule, messy }) => {
        const first = parseSegmentRule(JSON.parse(JSON.stringify(messy)))
        expect(first.problems).toEqual([])
        expect(first.rule).toEqual(rule)
        expect(parseSegmentRule(first.rule).rule).toEqual(first.rule)
      }),
      { numRuns: 300 }
    )
  })
})
