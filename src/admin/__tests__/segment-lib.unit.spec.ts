import { translate } from "../lib/i18n"
import {
  carryValue,
  defaultValue,
  draftToRule,
  newPromotionForm,
  rfmBarHeights,
  ruleReducer,
  ruleSummary,
  opLabel,
  ruleToDraft,
  segmentBody,
  validatePromotionForm,
  valueInputOf,
  fieldKind,
  type AdminSegment,
  type ConditionDraft,
  type GroupDraft,
  type RuleDraft,
  type SegmentFieldInfo,
  type SegmentRule,
} from "../lib/segments"

const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate("en", key, values)
const i18n = { t, formatNumber: (value: number) => new Intl.NumberFormat("en").format(value) }

const NUMBER_OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "between", "exists"]
const DATE_OPS = ["gt", "gte", "lt", "lte", "between", "within_days", "exists"]
const CHOICE_OPS = ["eq", "neq", "in", "nin", "exists"]

/** The fields as `GET /admin/segments/fields` answers them (types as in the contract, plus the server's own names). */
const fields: SegmentFieldInfo[] = [
  { field: "order_count", label: "Orders", type: "number", ops: NUMBER_OPS, nullable: false },
  { field: "total_spent", label: "Total spent", type: "number", ops: NUMBER_OPS, nullable: false },
  { field: "last_order_at", label: "Last order date", type: "date", ops: DATE_OPS, nullable: true },
  { field: "country_code", label: "Country", type: "string", ops: CHOICE_OPS, nullable: true },
  { field: "has_account", label: "Has an account", type: "boolean", ops: ["eq", "neq"], nullable: false },
  {
    field: "rfm_group",
    label: "RFM group",
    type: "enum",
    ops: CHOICE_OPS,
    nullable: true,
    values: [
      { value: "champions", label: "Champions" },
      { value: "at_risk", label: "At risk" },
    ],
  },
  { field: "tier_id", label: "Tier", type: "id", ops: CHOICE_OPS, nullable: true, values: [{ value: "tier_gold", label: "Gold" }] },
  { field: "bought_product", label: "Bought product", type: "ids", ops: ["eq", "neq", "in", "nin"], nullable: false },
  { field: "bought_category", label: "Bought from category", type: "bought", ops: ["eq", "neq", "in", "nin"], nullable: false },
]
const field = (name: string) => fields.find((one) => one.field === name)!
const today = new Date("2026-03-31T12:00:00Z")

/** The editor state without its React keys. */
const strip = (node: RuleDraft): unknown =>
  node.kind === "group" ? { mode: node.mode, children: node.children.map(strip) } : (({ key: _key, ...rest }) => rest)(node)

const conditionsOf = (node: RuleDraft): ConditionDraft[] =>
  node.kind === "condition" ? [node] : node.children.flatMap(conditionsOf)

describe("the segment rule helpers", () => {
  it("round-trips a nested rule tree through the builder's state unchanged", () => {
    const rule: SegmentRule = {
      all: [
        { field: "order_count", op: "gte", value: 3 },
        { field: "total_spent", op: "between", value: [100.5, 2000] },
        { field: "order_count", op: "in", value: [1, 2, 5] },
        {
          any: [
            { field: "country_code", op: "in", value: ["cn", "hk"] },
            { field: "rfm_group", op: "eq", value: "at_risk" },
            { all: [{ field: "has_account", op: "eq", value: false }, { field: "tier_id", op: "exists", value: true }] },
          ],
        },
        { field: "last_order_at", op: "within_days", value: 90 },
        { field: "last_order_at", op: "between", value: ["2025-01-01", "2025-12-31T23:59:59Z"] },
        { field: "bought_product", op: "in", value: ["prod_1", "prod_2"], window_days: 30 },
        { field: "bought_category", op: "neq", value: "pcat_1" },
        { field: "rfm_group", op: "nin", value: ["champions"] },
      ],
    }
    const draft = ruleToDraft(rule)
    expect(draft.mode).toBe("all")
    const back = draftToRule(draft, fields)
    expect(back.errors).toEqual({})
    expect(back.rule).toEqual(rule)
  })

  it("keeps an empty rule (every customer) and wraps a bare condition in an all group", () => {
    expect(draftToRule(ruleToDraft({ all: [] }), fields).rule).toEqual({ all: [] })
    expect(draftToRule(ruleToDraft({ any: [] }), fields).rule).toEqual({ any: [] })
    expect(draftToRule(ruleToDraft({ field: "order_count", op: "gt", value: 0 }), fields).rule).toEqual({
      all: [{ field: "order_count", op: "gt", value: 0 }],
    })
    expect(draftToRule(ruleToDraft(null), fields).rule).toEqual({ all: [] })
  })

  it("reads the contract's id/ids types and the server's enum/bought alike", () => {
    expect(fieldKind(field("tier_id"))).toBe("choice")
    expect(fieldKind(field("rfm_group"))).toBe("choice")
    expect(fieldKind({ type: "enum" })).toBe("text")
    expect(fieldKind(field("bought_product"))).toBe("bought")
    expect(fieldKind(field("bought_category"))).toBe("bought")
    expect(valueInputOf("bought", "in")).toBe("text_list")
    expect(valueInputOf("number", "between")).toBe("number_pair")
    expect(valueInputOf("date", "between")).toBe("date_pair")
    expect(valueInputOf("date", "within_days")).toBe("days")
    expect(valueInputOf("choice", "nin")).toBe("choice_list")
    expect(valueInputOf("number", "exists")).toBe("exists")
    expect(valueInputOf("boolean", "neq")).toBe("boolean")
  })

  it("gives each op and type a default value, valid where one is obvious", () => {
    expect(defaultValue(field("order_count"), "gte", today)).toBe("0")
    expect(defaultValue(field("order_count"), "between", today)).toEqual(["0", "100"])
    expect(defaultValue(field("order_count"), "in", today)).toEqual([])
    expect(defaultValue(field("order_count"), "exists", today)).toBe(true)
    // A field with a range starts inside it (an RFM score of 0 would be a 400).
    expect(defaultValue({ ...field("order_count"), min: 1, max: 5 }, "gte", today)).toBe("1")
    expect(defaultValue({ ...field("order_count"), min: 1, max: 5 }, "between", today)).toEqual(["1", "5"])
    expect(defaultValue(field("last_order_at"), "gt", today)).toBe("2026-03-01")
    expect(defaultValue(field("last_order_at"), "between", today)).toEqual(["2026-03-01", "2026-03-31"])
    expect(defaultValue(field("last_order_at"), "within_days", today)).toBe("30")
    expect(defaultValue(field("has_account"), "eq", today)).toBe(true)
    expect(defaultValue(field("rfm_group"), "eq", today)).toBe("champions")
    expect(defaultValue(field("rfm_group"), "in", today)).toEqual(["champions"])
    expect(defaultValue(field("country_code"), "eq", today)).toBe("")
    expect(defaultValue(field("bought_product"), "nin", today)).toEqual([])
  })

  it("carries a value across ops where it fits, and starts over where it does not", () => {
    expect(carryValue(field("order_count"), "gte", "lt", "3", today)).toBe("3")
    expect(carryValue(field("order_count"), "gte", "in", "3", today)).toEqual(["3"])
    expect(carryValue(field("order_count"), "gte", "between", "3", today)).toEqual(["3", "3"])
    expect(carryValue(field("order_count"), "in", "eq", ["7", "8"], today)).toBe("7")
    expect(carryValue(field("order_count"), "gte", "exists", "3", today)).toBe(true)
    expect(carryValue(field("last_order_at"), "gt", "within_days", "2026-01-01", today)).toBe("30")
  })

  it("edits the tree: adds conditions and groups, changes field and op, removes, never removes the root", () => {
    let root: GroupDraft = ruleToDraft({ all: [] })
    root = ruleReducer(root, { type: "add-condition", parent: root.key, field: field("order_count"), today })
    root = ruleReducer(root, { type: "add-group", parent: root.key, field: field("country_code"), today })
    const group = root.children[1] as GroupDraft
    expect(group.mode).toBe("any")
    root = ruleReducer(root, { type: "add-condition", parent: group.key, field: field("rfm_group"), today })
    const [count, country, rfm] = conditionsOf(root)
    root = ruleReducer(root, { type: "set-value", key: count.key, value: "2" })
    root = ruleReducer(root, { type: "set-op", key: count.key, op: "gt", field: field("order_count"), today })
    root = ruleReducer(root, { type: "set-value", key: country.key, value: "CN" })
    root = ruleReducer(root, { type: "set-field", key: rfm.key, field: field("bought_product"), today })
    root = ruleReducer(root, { type: "set-op", key: rfm.key, op: "in", field: field("bought_product"), today })
    root = ruleReducer(root, { type: "set-value", key: rfm.key, value: ["prod_9"] })
    root = ruleReducer(root, { type: "set-window", key: rfm.key, window_days: "14" })

    expect(draftToRule(root, fields).rule).toEqual({
      all: [
        { field: "order_count", op: "gt", value: 2 },
        {
          any: [
            { field: "country_code", op: "eq", value: "CN" },
            { field: "bought_product", op: "in", value: ["prod_9"], window_days: 14 },
          ],
        },
      ],
    })

    const removed = ruleReducer(root, { type: "remove", key: group.key })
    expect(strip(removed)).toEqual({
      mode: "all",
      children: [{ kind: "condition", field: "order_count", op: "gt", value: "2", window_days: "" }],
    })
    expect(ruleReducer(root, { type: "remove", key: root.key })).toBe(root)
    expect(strip(ruleReducer(root, { type: "set-mode", key: root.key, mode: "any" }))).toMatchObject({ mode: "any" })
  })

  it("says which conditions are incomplete and sends nothing until they are", () => {
    const draft = ruleToDraft({
      all: [
        { field: "order_count", op: "gte", value: 1 },
        { field: "total_spent", op: "between", value: [5, 1] },
        { field: "country_code", op: "in", value: [] },
        { field: "bought_product", op: "eq", value: "prod_1", window_days: 0 },
        { field: "no_such_field", op: "eq", value: 1 },
      ],
    })
    const keys = conditionsOf(draft).map((condition) => condition.key)
    const edited = ruleReducer(draft, { type: "set-value", key: keys[0], value: "three" })
    const { rule, errors } = draftToRule(edited, fields)
    expect(rule).toBeNull()
    expect(errors).toEqual({
      [keys[0]]: "segmentRules.error.number",
      [keys[1]]: "segmentRules.error.order",
      [keys[2]]: "segmentRules.error.list",
      [keys[3]]: "segmentRules.error.window",
      [keys[4]]: "segmentRules.error.field",
    })
  })

  it("summarises a rule in words, with value labels and nested groups in parentheses", () => {
    const rule: SegmentRule = {
      all: [
        { field: "order_count", op: "gte", value: 3 },
        { any: [{ field: "rfm_group", op: "eq", value: "at_risk" }, { field: "country_code", op: "in", value: ["cn", "hk"] }] },
        { field: "last_order_at", op: "within_days", value: 90 },
        { field: "bought_product", op: "eq", value: "prod_1", window_days: 30 },
        { field: "tier_id", op: "exists", value: false },
        { field: "total_spent", op: "between", value: [1000, 2500] },
      ],
    }
    expect(ruleSummary(rule, fields, i18n)).toBe(
      "Orders \u2265 3 and (RFM group = At risk or Country is one of cn, hk) and Last order date in the last 90 days" +
        " and Bought product = prod_1 (last 30 days) and Tier is not set and Total spent between 1,000 and 2,500"
    )
    expect(ruleSummary({ all: [] }, fields, i18n)).toBe("Every customer")
  })

  it("names a date's comparisons after and before, a number's more and less", () => {
    expect(opLabel("gt", t, "date")).toBe("after")
    expect(opLabel("lte", t, "date")).toBe("on or before")
    expect(opLabel("gt", t, "number")).toBe("more than")
    expect(opLabel("within_days", t, "date")).toBe("in the last")
    expect(translate("zh-CN", "segmentRules.opDate.lt")).toBe("早于")
  })

  it("sends only what changed of a saved segment", () => {
    const rule: SegmentRule = { all: [{ field: "order_count", op: "gte", value: 3 }] }
    const segment = { id: "seg_1", name: "Loyal", description: null, rules: rule, refresh: "daily" } as AdminSegment
    expect(segmentBody({ name: " Loyal ", description: "", refresh: "daily" }, rule, segment)).toEqual({})
    expect(segmentBody({ name: "Loyal", description: "Repeat buyers", refresh: "hourly" }, { all: [] }, segment)).toEqual({
      description: "Repeat buyers",
      refresh: "hourly",
      rules: { all: [] },
    })
    expect(segmentBody({ name: "New", description: "", refresh: "manual" }, rule, null)).toEqual({ name: "New", rules: rule, refresh: "manual" })
  })

  it("sees a stored rule answered with its keys in another order as unchanged", () => {
    // As GET /admin/segments/:id answers it: { op, field, value }.
    const stored = { any: [{ op: "in", field: "rfm_group", value: ["at_risk", "cannot_lose_them"] }] } as unknown as SegmentRule
    const segment = { id: "seg_1", name: "Win-back", description: null, rules: stored, refresh: "daily" } as AdminSegment
    const { rule } = draftToRule(ruleToDraft(stored), fields)
    expect(segmentBody({ name: "Win-back", description: "", refresh: "daily" }, rule!, segment)).toEqual({})
    const other = { any: [{ field: "rfm_group", op: "in", value: ["cannot_lose_them", "at_risk"] }] } as SegmentRule
    expect(segmentBody({ name: "Win-back", description: "", refresh: "daily" }, other, segment)).toEqual({ rules: other })
  })

  it("checks the promotion form and builds its body", () => {
    const form = { ...newPromotionForm("eur"), code: "WINBACK10" }
    expect(validatePromotionForm(form).body).toEqual({
      code: "WINBACK10",
      is_automatic: false,
      status: "draft",
      application_method: { type: "percentage", value: 10, target_type: "order" },
    })
    const fixed = validatePromotionForm({ ...form, type: "fixed", value: "5", limit_per_customer: "1", status: "active" })
    expect(fixed.body).toEqual({
      code: "WINBACK10",
      is_automatic: false,
      status: "active",
      application_method: { type: "fixed", value: 5, target_type: "order", currency_code: "eur" },
      limit_per_customer: 1,
    })
    const bad = validatePromotionForm({ ...form, code: "WIN BACK", value: "150", limit_per_customer: "0.5" })
    expect(bad.body).toBeNull()
    expect(bad.errors).toEqual({
      code: "segmentPromotion.error.code",
      value: "segmentPromotion.error.percentage",
      limit_per_customer: "segmentPromotion.error.limit",
    })
    expect(validatePromotionForm({ ...form, type: "fixed", currency_code: "" }).errors).toEqual({
      currency_code: "segmentPromotion.error.currency",
    })
  })

  it("scales the RFM bars to the largest group", () => {
    expect(rfmBarHeights([{ customers: 50 }, { customers: 25 }, { customers: 0 }])).toEqual([1, 0.5, 0])
    expect(rfmBarHeights([{ customers: 0 }, { customers: 0 }])).toEqual([0, 0])
  })
})
