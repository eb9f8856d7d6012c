import { RFM_GROUP_LABELS, RFM_GROUPS } from "../../../types/segments"
import { CrmModules, type CrmModuleKey } from "../../../types/modules"

/** What kind of value a field holds: decides its ops and value checks. */
export type FieldType = "number" | "date" | "string" | "boolean" | "enum" | "bought"

export const OPS = ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "between", "within_days", "exists"] as const
export type Op = (typeof OPS)[number]

export const OPS_OF_TYPE: Record<FieldType, readonly Op[]> = {
  number: ["eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "between", "exists"],
  date: ["gt", "gte", "lt", "lte", "between", "within_days", "exists"],
  string: ["eq", "neq", "in", "nin", "exists"],
  enum: ["eq", "neq", "in", "nin", "exists"],
  boolean: ["eq", "neq"],
  bought: ["eq", "neq", "in", "nin"],
}

/**
 * Where a field's value comes from: the per-customer facts are assembled
 * from these, and a compiled rule joins only the ones it uses.
 */
export type FactSource = "customer" | "orders" | "address" | "loyalty" | "tickets" | "reviews" | "nps" | "rfm" | "lines"

export type FieldDefinition = {
  label: string
  type: FieldType
  source: FactSource
  /** Customers can lack a value (no orders, no account): `exists` applies, and neq/nin include them. */
  nullable: boolean
  /** For enum fields, the values allowed. */
  values?: readonly string[]
  valueLabels?: Record<string, string>
  /** Integer-only numbers (counts, days, scores). */
  integer?: boolean
  min?: number
  max?: number
}

const number = (label: string, source: FactSource, more: Partial<FieldDefinition> = {}): FieldDefinition => ({
  label,
  type: "number",
  source,
  nullable: false,
  ...more,
})

/** Every field a rule can name. */
export const SEGMENT_FIELDS = {
  total_spent: number("Total spent", "orders"),
  order_count: number("Orders", "orders", { integer: true, min: 0 }),
  average_order_value: number("Average order value", "orders", { nullable: true }),
  first_order_at: { label: "First order date", type: "date", source: "orders", nullable: true },
  last_order_at: { label: "Last order date", type: "date", source: "orders", nullable: true },
  days_since_last_order: number("Days since last order", "orders", { nullable: true, integer: true, min: 0 }),
  country_code: { label: "Country", type: "string", source: "address", nullable: true },
  account_age_days: number("Account age (days)", "customer", { integer: true, min: 0 }),
  has_account: { label: "Has an account", type: "boolean", source: "customer", nullable: false },
  tier_id: { label: "Tier", type: "enum", source: "loyalty", nullable: true },
  points_balance: number("Points balance", "loyalty", { nullable: true, integer: true }),
  open_tickets: number("Open tickets", "tickets", { integer: true, min: 0 }),
  reviews_written: number("Reviews written", "reviews", { integer: true, min: 0 }),
  last_nps_score: number("Last NPS answer", "nps", { nullable: true, integer: true, min: 0, max: 10 }),
  bought_product: { label: "Bought product", type: "bought", source: "lines", nullable: false },
  bought_category: { label: "Bought from category", type: "bought", source: "lines", nullable: false },
  bought_collection: { label: "Bought from collection", type: "bought", source: "lines", nullable: false },
  rfm_group: {
    label: "RFM group",
    type: "enum",
    source: "rfm",
    nullable: true,
    values: RFM_GROUPS,
    valueLabels: RFM_GROUP_LABELS,
  },
  rfm_recency: number("RFM recency score", "rfm", { nullable: true, integer: true, min: 1, max: 5 }),
  rfm_frequency: number("RFM frequency score", "rfm", { nullable: true, integer: true, min: 1, max: 5 }),
  rfm_monetary: number("RFM monetary score", "rfm", { nullable: true, integer: true, min: 1, max: 5 }),
} satisfies Record<string, FieldDefinition>

export type SegmentField = keyof typeof SEGMENT_FIELDS
export const SEGMENT_FIELD_NAMES = Object.keys(SEGMENT_FIELDS) as SegmentField[]

export const fieldDefinition = (field: SegmentField): FieldDefinition => SEGMENT_FIELDS[field]

export const isSegmentField = (name: unknown): name is SegmentField =>
  typeof name === "string" && Object.prototype.hasOwnProperty.call(SEGMENT_FIELDS, name)

/** The CRM module a source's data belongs to; customer and order data are always there. */
export const MODULE_OF_SOURCE: Partial<Record<FactSource, { module: CrmModuleKey; capability: string }>> = {
  orders: { module: CrmModules.ORDER_FACTS, capability: "order facts" },
  address: { module: CrmModules.ORDER_FACTS, capability: "order facts" },
  lines: { module: CrmModules.ORDER_FACTS, capability: "order facts" },
  loyalty: { module: CrmModules.LOYALTY, capability: "loyalty" },
  tickets: { module: CrmModules.TICKETS, capability: "tickets" },
  reviews: { module: CrmModules.REVIEWS, capability: "reviews" },
  nps: { module: CrmModules.SURVEYS, capability: "surveys" },
  rfm: { module: CrmModules.SEGMENTS, capability: "segments" },
}
