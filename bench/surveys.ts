/**
 * Data for the surveys benchmark, run by bench/surveys.js inside Medusa:
 *
 *   medusa exec ./bench/surveys.ts     (DATABASE_URL: a fresh, migrated database)
 *
 * 1. A shop (bench/lib/seed.ts: region, sales channel, product), an admin
 *    user, BENCH_CUSTOMERS customers and BENCH_ORDERS orders over 180 days
 *    (the baseline's orders page).
 * 2. One active NPS survey (createSurveyWorkflow: the default questions,
 *    score and a free-text "why") and the survey settings the send job needs:
 *    an absolute link_base_url (the default frequency cap, 30 days, stays).
 * 3. Two years of its history, set-based (fixed seed): BENCH_RESPONSES
 *    answers (scores 0-10, 55% promoters, 20% detractors at first and better
 *    towards now; 30% with a written "why"; more answers in recent months),
 *    each with its invitation (answered, sent 0-5 days before), and
 *    BENCH_UNANSWERED invitations more (expired, or sent and still open in
 *    the last 14 days), all about orders, from the customers but the last
 *    BENCH_INVITATIONS_TO_SEND (kept for the send job: nothing sent to them
 *    within the frequency cap). Then crm_survey_daily_count, the per-day
 *    counters the results route reads, in one INSERT ... SELECT ... GROUP BY
 *    from those rows, and VACUUM (ANALYZE).
 *
 * The last line is machine-readable: BENCH_SURVEYS_SETUP {...}.
 */
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStoreFixtures } from "../integration-tests/helpers/store"
import { utcDay } from "../src/modules/surveys/daily-counts"
import { surveysOf } from "../src/workflows/surveys/steps/surveys-of"
import { createSurveyWorkflow } from "../src/workflows/surveys/workflows/create-survey"
import { BENCH_ADMIN, createAdminUser, createBenchCustomers, createSpreadOrders, envInt, say, since, withFixedSeed } from "./lib/seed"

const RESPONSES = envInt("BENCH_RESPONSES", 500_000)
const UNANSWERED = envInt("BENCH_UNANSWERED", RESPONSES)
const CUSTOMERS = envInt("BENCH_CUSTOMERS", 50_000)
const ORDERS = envInt("BENCH_ORDERS", 20_000)
const TO_SEND = envInt("BENCH_INVITATIONS_TO_SEND", 10_000)
const DAYS = 730
const EXPIRY_DAYS = 14
export const LINK_BASE_URL = "https://shop.example/surveys"

/** Why, by score group: detractors (0-6), passives (7-8), promoters (9-10). */
const WHY = {
  detractor: [
    "The parcel took almost two weeks to arrive.",
    "The size chart was wrong and the return was a hassle.",
    "Customer service did not answer my e-mail.",
    "The colour looked nothing like the photos.",
    "It broke after a few days of use.",
  ],
  passive: [
    "Good quality, but delivery could be faster.",
    "Fine overall, a bit expensive for what it is.",
    "Nice product, the packaging was damaged though.",
    "Does the job. Nothing special.",
    "Checkout was confusing on my phone.",
  ],
  promoter: [
    "Fast delivery and great quality.",
    "Excellent customer service, they sorted everything out quickly.",
    "Exactly as described and fits perfectly.",
    "Always a pleasure to shop here.",
    "Great prices and the parcel arrived the next day.",
  ],
}

// A generated row per invitation; the answered ones (n <= :responses) get a response.
// Scores: width_bucket over the cumulative shares of 0..10 (2, 1, 1.5, 2, 2.5, 5, 6, 10, 15, 20, 35 %),
// on u^(1 - 0.25 * recency), so recent months score a little better (a trend to see).
const GENERATE = `
CREATE TEMP TABLE bench_survey_gen ON COMMIT DROP AS
WITH g AS MATERIALIZED (
  SELECT n, n <= :responses::int AS answered, random() AS u_when, random() AS u_delay, random() AS u_score, random() AS u_text,
         random() AS u_why, random() AS u_customer
    FROM generate_series(1, :responses::int + :unanswered::int) AS n
), t AS MATERIALIZED (
  SELECT g.*, :days::float8 * power(u_when, 1.25) AS age_days, 1 + floor(u_customer * :customers::int)::int AS k
    FROM g
), s AS MATERIALIZED (
  SELECT t.*,
         :now::timestamptz - make_interval(secs => age_days * 86400) AS at,
         width_bucket(power(u_score, 1 - 0.25 * (1 - age_days / :days::float8)), ARRAY[0.02, 0.03, 0.045, 0.065, 0.09, 0.14, 0.20, 0.30, 0.45, 0.65]::float8[]) AS score
    FROM t
), c AS MATERIALIZED (
  -- Customer k by a join, not by subscripting the ids: a text array is walked from its start for each subscript.
  SELECT id, k::int AS k FROM unnest(:customer_ids::text[]) WITH ORDINALITY AS u(id, k)
)
SELECT n, answered, k, c.id AS customer_id, 'bench-' || (k - 1) || '@bench.local' AS email,
       -- Answered: "at" is the answer, sent 0-5 days before (most within hours). Unanswered: "at" is the send.
       CASE WHEN answered THEN at - make_interval(secs => 5 * 86400 * u_delay ^ 3) ELSE at END AS sent_at,
       CASE WHEN answered THEN at END AS answered_at,
       CASE WHEN answered THEN score END AS score,
       answered AND u_text < 0.30 AS has_text,
       CASE WHEN score <= 6 THEN (:why_detractor::text[])[1 + floor(u_why * 5)::int]
            WHEN score <= 8 THEN (:why_passive::text[])[1 + floor(u_why * 5)::int]
            ELSE (:why_promoter::text[])[1 + floor(u_why * 5)::int] END AS why
  FROM s JOIN c USING (k)`

const INSERT_INVITATIONS = `
INSERT INTO crm_survey_invitation (id, survey_id, customer_id, source_type, source_id, source_display_id, email, status,
  token_hash, due_at, sent_at, expires_at, answered_at, created_at, updated_at)
SELECT 'srvinv_bench_' || n, :survey_id, customer_id, 'order', 'order_bench_' || n, n, email,
       CASE WHEN answered THEN 'answered' WHEN sent_at + make_interval(days => :expiry_days::int) <= :now::timestamptz THEN 'expired' ELSE 'sent' END,
       encode(sha256(convert_to('srvinv_bench_' || n, 'UTF8')), 'hex'),
       sent_at, sent_at, sent_at + make_interval(days => :expiry_days::int), answered_at,
       sent_at - interval '3 days', coalesce(answered_at, sent_at)
  FROM bench_survey_gen
 ORDER BY sent_at, n`

const INSERT_RESPONSES = `
INSERT INTO crm_survey_response (id, survey_id, invitation_id, customer_id, order_id, score, answers, has_text, created_at, updated_at)
SELECT 'srvres_bench_' || n, :survey_id, 'srvinv_bench_' || n, customer_id, 'order_bench_' || n, score,
       jsonb_build_array(jsonb_build_object('question_id', 'score', 'value', score))
         || CASE WHEN has_text THEN jsonb_build_array(jsonb_build_object('question_id', 'why', 'value', why)) ELSE '[]'::jsonb END,
       has_text, answered_at, answered_at
  FROM bench_survey_gen
 WHERE answered
 ORDER BY answered_at, n`

/** The counters as the send job and each answer keep them: invitations on the UTC day sent (score -1), answers on the day given, per score. */
const FILL_DAILY_COUNTS = `
INSERT INTO crm_survey_daily_count (survey_id, day, score, invitations, responses, text_responses)
SELECT survey_id, day, score, sum(invitations), sum(responses), sum(text_responses)
  FROM (
    SELECT survey_id, (sent_at AT TIME ZONE 'UTC')::date AS day, -1 AS score, count(*) AS invitations, 0 AS responses, 0 AS text_responses
      FROM crm_survey_invitation WHERE deleted_at IS NULL AND sent_at IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT survey_id, (created_at AT TIME ZONE 'UTC')::date, coalesce(score, -1), 0, count(*), count(*) FILTER (WHERE has_text)
      FROM crm_survey_response WHERE deleted_at IS NULL GROUP BY 1, 2, 3
  ) c
 GROUP BY 1, 2, 3`

export default async function surveysBenchmarkSetup({ container }: ExecArgs) {
  if (TO_SEND >= CUSTOMERS) throw new Error(`BENCH_CUSTOMERS (${CUSTOMERS}) must be more than BENCH_INVITATIONS_TO_SEND (${TO_SEND})`)
  const knex: Knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const started = process.hrtime.bigint()

  // --- 1. Shop, admin, customers, orders ---------------------------------
  const shop = await createStoreFixtures(container)
  const adminId = await createAdminUser(container)
  let t = process.hrtime.bigint()
  const customerIds = await createBenchCustomers(container, CUSTOMERS)
  say(`shop, admin user ${adminId} (${BENCH_ADMIN.email}), ${CUSTOMERS} customers in ${since(t).toFixed(1)} s`)
  const orders = await createSpreadOrders(container, shop, customerIds, ORDERS, 180)
  say(`${ORDERS} orders with the Order module's createOrders in ${orders.create_seconds.toFixed(1)} s, spread over 180 days; the order facts back-fill and the points reconciliation after them in ${orders.catch_up_seconds.toFixed(1)} s`)

  // --- 2. Survey and settings --------------------------------------------
  const { result: survey } = await createSurveyWorkflow(container).run({
    input: { name: "How likely are you to recommend us?", type: "nps", trigger: { event: "delivery", delay_hours: 72 }, active: true, expiry_days: EXPIRY_DAYS },
  })
  const settings = await surveysOf(container).changeSurveySettings({ link_base_url: LINK_BASE_URL })

  // --- 3. Two years of invitations and answers ----------------------------
  const now = new Date()
  const historyCustomers = customerIds.slice(0, CUSTOMERS - TO_SEND)
  const params = { survey_id: survey.id, now, expiry_days: EXPIRY_DAYS }
  t = process.hrtime.bigint()
  await withFixedSeed(knex, async (trx) => {
    await trx.raw(GENERATE, {
      responses: RESPONSES,
      unanswered: UNANSWERED,
      days: DAYS,
      customers: historyCustomers.length,
      customer_ids: historyCustomers,
      now,
      why_detractor: WHY.detractor,
      why_passive: WHY.passive,
      why_promoter: WHY.promoter,
    })
    await trx.raw(INSERT_INVITATIONS, params)
    await trx.raw(INSERT_RESPONSES, params)
    await trx.raw(FILL_DAILY_COUNTS)
  })
  const insertSeconds = since(t)
  t = process.hrtime.bigint()
  await knex.raw(`VACUUM (ANALYZE) crm_survey_invitation, crm_survey_response, crm_survey_daily_count, customer, "order"`)
  const vacuumSeconds = since(t)

  const { rows } = await knex.raw(
    `SELECT (SELECT count(*)::int FROM crm_survey_response) AS responses,
            (SELECT count(*)::int FROM crm_survey_response WHERE has_text) AS with_text,
            (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM crm_survey_invitation GROUP BY 1) s) AS invitations_by_status,
            (SELECT jsonb_object_agg(score, n ORDER BY score) FROM (SELECT score, count(*)::int AS n FROM crm_survey_response GROUP BY 1) s) AS by_score,
            (SELECT count(*)::int FROM crm_survey_daily_count) AS counter_rows,
            (SELECT min(created_at) FROM crm_survey_response) AS oldest,
            (SELECT max(created_at) FROM crm_survey_response) AS newest,
            (SELECT count(DISTINCT customer_id)::int FROM crm_survey_invitation) AS customers_invited,
            pg_size_pretty(pg_total_relation_size('crm_survey_invitation')) AS invitation_size,
            pg_size_pretty(pg_total_relation_size('crm_survey_response')) AS response_size`
  )
  const shape = { ...rows[0], insert_seconds: insertSeconds, vacuum_seconds: vacuumSeconds }
  say(
    `${shape.responses} responses (${shape.with_text} with text) and their invitations, ${UNANSWERED} unanswered more ` +
      `(${JSON.stringify(shape.invitations_by_status)}), ${shape.counter_rows} counter rows in ${insertSeconds.toFixed(1)} s ` +
      `(crm_survey_invitation ${shape.invitation_size}, crm_survey_response ${shape.response_size}); VACUUM (ANALYZE) in ${vacuumSeconds.toFixed(1)} s`
  )

  const result = {
    admin: { ...BENCH_ADMIN, user_id: adminId },
    customers: CUSTOMERS,
    orders: { count: ORDERS, seconds: orders.create_seconds, catch_up_seconds: orders.catch_up_seconds },
    survey: { id: survey.id, type: survey.type, expiry_days: EXPIRY_DAYS },
    settings: { frequency_cap_days: settings.frequency_cap_days, link_base_url: settings.link_base_url },
    history: shape,
    today: utcDay(now),
    now: now.toISOString(),
    days: DAYS,
    seconds: since(started),
  }
  process.stdout.write(`BENCH_SURVEYS_SETUP ${JSON.stringify(result)}\n`)
}
