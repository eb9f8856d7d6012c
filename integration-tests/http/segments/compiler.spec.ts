import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createAdminUser } from "../../helpers/auth"
import { failedRequest, useReadableHttpErrors } from "../../helpers/http"
import { daysBefore, insertCustomers, insertOrderFacts, segmentRowCounts, segmentsOf } from "../../helpers/segments"
import { compileSegmentRule } from "../../../src/modules/segments/rules/compile"
import { parseSegmentRule } from "../../../src/modules/segments/rules/parse"
import type { SegmentRule } from "../../../src/modules/segments/rules/rule"

jest.setTimeout(240 * 1000)

// Midday, so orders fall inside their days and whole-day date comparisons differ from instant ones.
const NOW = new Date("2026-06-01T12:00:00Z")
const ago = (days: number) => daysBefore(NOW, days)

/**
 * A fixed data set (written straight into the tables) and, for each rule, who
 * it must match. Ann: a loyal gold member; Bob: one order two months ago and
 * a canceled one; Cai: a guest with no orders; Dee: one big order a year ago,
 * half returned, her one line wholly returned; Eve: deleted, never matches.
 */
async function seed(container: any) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await insertCustomers(container, [
    { id: "cus_ann", email: "ann@crm.test", created_at: ago(400), address_country: "cn" },
    { id: "cus_bob", email: "bob@crm.test", created_at: ago(100) },
    { id: "cus_cai", email: "cai@crm.test", created_at: ago(5), has_account: false },
    { id: "cus_dee", email: "dee@crm.test", created_at: ago(800), address_country: "us" },
    { id: "cus_eve", email: "eve@crm.test", created_at: ago(900), deleted_at: ago(1) },
  ])
  await insertOrderFacts(container, [
    { id: "order_a1", customer_id: "cus_ann", spend: 100, placed_at: ago(200), country_code: "cn", lines: [{ product_id: "prod_b" }] },
    { id: "order_a2", customer_id: "cus_ann", spend: 50, placed_at: ago(30), country_code: "cn" },
    {
      id: "order_a3",
      customer_id: "cus_ann",
      spend: 150,
      placed_at: ago(10),
      country_code: "hk",
      lines: [{ product_id: "prod_a", category_ids: ["pcat_x"], collection_id: "pcol_1" }],
    },
    { id: "order_b1", customer_id: "cus_bob", spend: 40, placed_at: ago(60), country_code: "de", lines: [{ product_id: "prod_b" }] },
    { id: "order_b2", customer_id: "cus_bob", spend: 500, placed_at: ago(3), country_code: "de", canceled: true, lines: [{ product_id: "prod_a" }] },
    {
      id: "order_d1",
      customer_id: "cus_dee",
      spend: 1000,
      returned: 500,
      placed_at: ago(365),
      country_code: "us",
      lines: [{ product_id: "prod_c", category_ids: ["pcat_y"], collection_id: "pcol_2", quantity: 1, returned_quantity: 1 }],
    },
    { id: "order_e1", customer_id: "cus_eve", spend: 900, placed_at: ago(5), country_code: "cn", lines: [{ product_id: "prod_a" }] },
  ])
  await knex("crm_loyalty_account").insert([
    { id: "lpacc_ann", customer_id: "cus_ann", points_balance: 500, tier_id: "ltier_gold", referral_code: "ANNCODE1" },
    { id: "lpacc_bob", customer_id: "cus_bob", points_balance: 20, tier_id: null, referral_code: "BOBCODE1" },
    { id: "lpacc_dee", customer_id: "cus_dee", points_balance: 0, tier_id: "ltier_silver", referral_code: "DEECODE1" },
  ])
  await knex("crm_ticket").insert([
    { id: "tkt_1", customer_id: "cus_ann", subject: "Late", status: "open" },
    { id: "tkt_2", customer_id: "cus_ann", subject: "Broken", status: "resolved" },
    { id: "tkt_3", customer_id: "cus_cai", subject: "Where", status: "pending_customer" },
    { id: "tkt_4", customer_id: "cus_dee", subject: "Gone", status: "closed" },
  ])
  await knex("crm_review").insert([
    { id: "rev_1", customer_id: "cus_ann", product_id: "prod_a", rating: 5, author_name: "Ann", status: "approved" },
    { id: "rev_2", customer_id: "cus_ann", product_id: "prod_b", rating: 4, author_name: "Ann", status: "pending" },
    { id: "rev_3", customer_id: "cus_cai", product_id: "prod_a", rating: 1, author_name: "Cai", status: "rejected" },
  ])
  await knex("crm_survey").insert([
    { id: "srv_nps", name: "NPS", type: "nps" },
    { id: "srv_csat", name: "CSAT", type: "csat" },
  ])
  const invitation = (id: string, survey_id: string, customer_id: string) => ({ id, survey_id, customer_id, source_type: "manual", due_at: ago(100) })
  await knex("crm_survey_invitation").insert([
    invitation("srvinv_1", "srv_nps", "cus_ann"),
    invitation("srvinv_2", "srv_nps", "cus_ann"),
    invitation("srvinv_3", "srv_nps", "cus_bob"),
    invitation("srvinv_4", "srv_csat", "cus_dee"),
  ])
  await knex("crm_survey_response").insert([
    { id: "srvres_1", survey_id: "srv_nps", invitation_id: "srvinv_1", customer_id: "cus_ann", score: 9, created_at: ago(90) },
    { id: "srvres_2", survey_id: "srv_nps", invitation_id: "srvinv_2", customer_id: "cus_ann", score: 3, created_at: ago(20) },
    { id: "srvres_3", survey_id: "srv_nps", invitation_id: "srvinv_3", customer_id: "cus_bob", score: 10, created_at: ago(50) },
    // A CSAT answer is not an NPS answer.
    { id: "srvres_4", survey_id: "srv_csat", invitation_id: "srvinv_4", customer_id: "cus_dee", score: 2, created_at: ago(10) },
  ])
  const rfm = (customer_id: string, [recency, frequency, monetary]: number[], rfm_group: string) => ({
    customer_id,
    recency,
    frequency,
    monetary,
    rfm_group,
    last_order_at: ago(10),
    order_count: 1,
    monetary_value: 1,
  })
  await knex("crm_customer_rfm").insert([
    rfm("cus_ann", [5, 5, 5], "champions"),
    rfm("cus_bob", [2, 3, 3], "at_risk"),
    rfm("cus_dee", [1, 1, 2], "lost"),
  ])
}

const c = (field: string, op: string, value: unknown, extra: object = {}) => ({ field, op, value, ...extra })

/** [what, rule, customers it must match] */
const CASES: [string, unknown, string[]][] = [
  ["total_spent: net of returns, canceled orders left out", c("total_spent", "gt", 100), ["cus_ann", "cus_dee"]],
  ["total_spent lte: customers without orders spent 0", c("total_spent", "lte", 40), ["cus_bob", "cus_cai"]],
  ["order_count gte", c("order_count", "gte", 2), ["cus_ann"]],
  ["order_count eq 0", c("order_count", "eq", 0), ["cus_cai"]],
  ["order_count in", c("order_count", "in", [1, 3]), ["cus_ann", "cus_bob", "cus_dee"]],
  ["average_order_value between", c("average_order_value", "between", [50, 150]), ["cus_ann"]],
  ["average_order_value exists", c("average_order_value", "exists", false), ["cus_cai"]],
  ["first_order_at lt", c("first_order_at", "lt", ago(100).toISOString()), ["cus_ann", "cus_dee"]],
  ["first_order_at between dates", c("first_order_at", "between", ["2025-01-01", ago(150).toISOString()]), ["cus_ann", "cus_dee"]],
  ["last_order_at between bare dates takes in whole days", c("last_order_at", "between", [ago(10).toISOString().slice(0, 10), ago(10).toISOString().slice(0, 10)]), ["cus_ann"]],
  ["last_order_at lte a bare date takes in that day", c("last_order_at", "lte", ago(60).toISOString().slice(0, 10)), ["cus_bob", "cus_dee"]],
  ["last_order_at gt a bare date starts the next day", c("last_order_at", "gt", ago(10).toISOString().slice(0, 10)), []],
  ["last_order_at within_days", c("last_order_at", "within_days", 30), ["cus_ann"]],
  ["last_order_at exists false", c("last_order_at", "exists", false), ["cus_cai"]],
  ["days_since_last_order gte", c("days_since_last_order", "gte", 60), ["cus_bob", "cus_dee"]],
  ["days_since_last_order lt: no orders, no days", c("days_since_last_order", "lt", 60), ["cus_ann"]],
  ["country_code: the default shipping address first", c("country_code", "eq", "CN"), ["cus_ann"]],
  ["country_code: else the last order's", c("country_code", "in", ["de", "us"]), ["cus_bob", "cus_dee"]],
  ["country_code nin includes customers without a country", c("country_code", "nin", ["cn"]), ["cus_bob", "cus_cai", "cus_dee"]],
  ["country_code exists false", c("country_code", "exists", false), ["cus_cai"]],
  ["account_age_days gte", c("account_age_days", "gte", 365), ["cus_ann", "cus_dee"]],
  ["has_account eq false", c("has_account", "eq", false), ["cus_cai"]],
  ["has_account neq false", c("has_account", "neq", false), ["cus_ann", "cus_bob", "cus_dee"]],
  ["tier_id eq", c("tier_id", "eq", "ltier_gold"), ["cus_ann"]],
  ["tier_id neq includes customers without a tier", c("tier_id", "neq", "ltier_gold"), ["cus_bob", "cus_cai", "cus_dee"]],
  ["tier_id exists", c("tier_id", "exists", true), ["cus_ann", "cus_dee"]],
  ["points_balance gte", c("points_balance", "gte", 20), ["cus_ann", "cus_bob"]],
  ["points_balance exists false: no account", c("points_balance", "exists", false), ["cus_cai"]],
  ["open_tickets: open, reopened and waiting on the customer count", c("open_tickets", "gte", 1), ["cus_ann", "cus_cai"]],
  ["open_tickets eq 0", c("open_tickets", "eq", 0), ["cus_bob", "cus_dee"]],
  ["reviews_written: whatever their status", c("reviews_written", "gte", 1), ["cus_ann", "cus_cai"]],
  ["reviews_written eq 2", c("reviews_written", "eq", 2), ["cus_ann"]],
  ["last_nps_score: the latest NPS answer, not CSAT", c("last_nps_score", "lte", 6), ["cus_ann"]],
  ["last_nps_score gte 9", c("last_nps_score", "gte", 9), ["cus_bob"]],
  ["last_nps_score exists false", c("last_nps_score", "exists", false), ["cus_cai", "cus_dee"]],
  ["bought_product: canceled orders do not count", c("bought_product", "eq", "prod_a"), ["cus_ann"]],
  ["bought_product in a window", c("bought_product", "in", ["prod_b"], { window_days: 90 }), ["cus_bob"]],
  ["bought_product without a window", c("bought_product", "in", ["prod_b"]), ["cus_ann", "cus_bob"]],
  ["bought_product nin", c("bought_product", "nin", ["prod_a"]), ["cus_bob", "cus_cai", "cus_dee"]],
  ["bought_category", c("bought_category", "eq", "pcat_x"), ["cus_ann"]],
  ["bought_category: a wholly returned line does not count", c("bought_category", "eq", "pcat_y"), []],
  ["bought_collection", c("bought_collection", "in", ["pcol_1", "pcol_2"]), ["cus_ann"]],
  ["bought_collection neq", c("bought_collection", "neq", "pcol_1"), ["cus_bob", "cus_cai", "cus_dee"]],
  ["rfm_group eq", c("rfm_group", "eq", "champions"), ["cus_ann"]],
  ["rfm_group in", c("rfm_group", "in", ["at_risk", "lost"]), ["cus_bob", "cus_dee"]],
  ["rfm_group exists false", c("rfm_group", "exists", false), ["cus_cai"]],
  ["rfm_recency gte", c("rfm_recency", "gte", 4), ["cus_ann"]],
  ["rfm_frequency between", c("rfm_frequency", "between", [2, 3]), ["cus_bob"]],
  ["rfm_monetary lt", c("rfm_monetary", "lt", 3), ["cus_dee"]],
  ["all: every customer when empty", { all: [] }, ["cus_ann", "cus_bob", "cus_cai", "cus_dee"]],
  ["any: nobody when empty", { any: [] }, []],
  [
    "nested any of all",
    { any: [{ all: [c("order_count", "gte", 1), c("country_code", "in", ["us"])] }, c("has_account", "eq", false)] },
    ["cus_cai", "cus_dee"],
  ],
  [
    "nested all of any",
    { all: [c("total_spent", "gt", 0), { any: [c("tier_id", "exists", false), c("rfm_group", "eq", "lost")] }] },
    ["cus_bob", "cus_dee"],
  ],
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Awaited<ReturnType<typeof createAdminUser>>

    beforeAll(() => useReadableHttpErrors(api))
    beforeEach(async () => {
      admin = await createAdminUser(getContainer())
      await seed(getContainer())
    })

    it("matches each rule of the table to the expected customers on the fixed data set", async () => {
      const segments = segmentsOf(getContainer())
      const results: [string, string[]][] = []
      for (const [what, input] of CASES) {
        const { rule, problems } = parseSegmentRule(input)
        expect([what, problems]).toEqual([what, []])
        const { count, sample_ids } = await segments.previewSegmentRule(rule!, NOW, 100)
        expect(count).toBe(sample_ids.length)
        results.push([what, sample_ids])
      }
      expect(results).toEqual(CASES.map(([what, , expected]) => [what, expected]))
    })

    it("covers every field in the table", () => {
      const { SEGMENT_FIELD_NAMES } = require("../../../src/modules/segments/rules/fields")
      const covered = new Set(CASES.flatMap(([, rule]) => JSON.stringify(rule).match(/"field":"(\w+)"/g) ?? []).map((m) => m.split('"')[3]))
      expect(SEGMENT_FIELD_NAMES.filter((field: string) => !covered.has(field))).toEqual([])
    })

    it("compiles to one statement whose values are all bindings, joining only the facts a rule reads", () => {
      const { rule } = parseSegmentRule({ all: [c("tier_id", "eq", "x'); DROP TABLE customer; --"), c("country_code", "eq", "CN")] })
      const compiled = compileSegmentRule(rule as SegmentRule, NOW)
      expect(compiled.sql).not.toMatch(/DROP|x'\)/)
      expect(compiled.bindings).toEqual(expect.arrayContaining(["x'); DROP TABLE customer; --", "cn"]))
      expect(compiled.sql).toMatch(/crm_loyalty_account/)
      expect(compiled.sql).not.toMatch(/crm_ticket|crm_review|crm_survey_response|crm_customer_rfm|crm_order_line_fact/)
      expect(compiled.sql.match(/\bSELECT\b/g)!.length).toBe(2) // the statement and its order aggregate
    })

    it("treats injection attempts in values as plain values and in field names or ops as a 400", async () => {
      const preview = (rules: unknown) => api.post("/admin/segments/preview", { rules }, admin)
      const hostile = ["cn'); DROP TABLE customer; --", "' OR '1'='1", "cn\\'; SELECT pg_sleep(5); --", "$1", "?"]
      for (const value of hostile) {
        expect((await preview(c("tier_id", "eq", value))).data.count).toBe(0)
        expect((await preview(c("bought_product", "in", [value]))).data.count).toBe(0)
        expect((await preview(c("tier_id", "nin", [value]))).data.count).toBe(4)
      }
      expect((await preview(c("first_order_at", "lt", "2026-01-01T00:00:00Z"))).data.count).toBe(2)
      expect((await failedRequest(preview(c("country_code", "eq", "cn'); DROP TABLE customer; --")))).data.message).toMatch(/needs a 2-letter country code/)
      const before = await segmentRowCounts(getContainer())
      const bad: [unknown, RegExp][] = [
        [c("total_spent; DROP TABLE customer", "gt", 1), /rules: unknown field "total_spent; DROP TABLE customer"; the fields are total_spent, /],
        [c("c.id", "eq", "x"), /unknown field "c.id"/],
        [c("order_count", "= 1 OR 1=1 --", 1), /rules: unknown op "= 1 OR 1=1 --"; the ops are eq, neq/],
        [{ all: [c("order_count", "gte", { $gt: 0 })] }, /rules.all\[0\]: order_count gte needs an integer of at least 0, got \{"\$gt":0\}/],
        [c("order_count", "gte", "3"), /order_count gte needs an integer of at least 0, got "3"/],
        [c("first_order_at", "lt", "2026-01-01'; DROP TABLE customer; --"), /first_order_at lt needs an ISO date/],
        [c("rfm_group", "eq", "vip' OR 1=1"), /rfm_group eq needs one of champions, loyal/],
        [c("country_code", "gt", "cn"), /country_code does not take op "gt"; it takes eq, neq, in, nin, exists/],
        [c("total_spent", "exists", true), /total_spent does not take op "exists"/],
        [c("order_count", "between", [5, 1]), /order_count between needs \[from, to\]/],
        [c("last_nps_score", "eq", 11), /last_nps_score eq needs an integer from 0 to 10, got 11/],
        [c("order_count", "gte", 1, { window_days: 5 }), /window_days applies only to the bought_\* fields/],
        [{ all: [c("order_count", "gte", 1)], any: [] }, /a group has only one key/],
        [{ all: "x" }, /rules.all: a group's "all" is a list of rules/],
        [{ any: [{ all: [{ any: [{ all: [{ any: [{ all: [] }] }] }] }] }] }, /groups nest at most 5 deep/],
        [{ all: Array.from({ length: 51 }, () => c("order_count", "gte", 1)) }, /at most 50 conditions/],
        ["order_count > 1", /a rule is an object/],
      ]
      for (const [rules, message] of bad) {
        const failed = await failedRequest(preview(rules))
        expect([rules, failed.status]).toEqual([rules, 400])
        expect([rules, failed.data.message]).toEqual([rules, expect.stringMatching(message)])
      }
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      expect((await knex.raw(`SELECT COUNT(*)::int AS n FROM customer`)).rows[0].n).toBe(5)
      expect(await segmentRowCounts(getContainer())).toEqual(before)
    })
  },
})
