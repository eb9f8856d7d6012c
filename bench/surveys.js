#!/usr/bin/env node
/**
 * `npm run bench:surveys`: a survey's results with two years of answers
 * (500,000), against Medusa's own GET /admin/orders first page, and the
 * every-minute job sending 10,000 invitations, against creating as many
 * notifications with nothing else (see bench/README.md). Goals: results p99
 * under 200 ms at 8 concurrent admin clients; the job at 500 invitations/s
 * or more.
 *
 *   1. A fresh database crm_bench_<random>, `medusa db:migrate`.
 *   2. `medusa exec ./bench/surveys.ts`: shop, admin user, customers, orders,
 *      one NPS survey with its two years of invitations and answers in one
 *      INSERT ... SELECT each, the per-day counters from them, VACUUM (ANALYZE).
 *   3. `medusa start` with bench/lib/capture-sql.js preloaded; the admin logs
 *      in; each endpoint is checked (the results' totals, NPS, distribution,
 *      trend and latest answers against SQL over the responses themselves);
 *      one more request to each records its SQL. The server is stopped.
 *   4. EXPLAIN (ANALYZE, BUFFERS) of each recorded statement and
 *      BENCH_DB_RUNS executions of it one at a time.
 *   5. `medusa start` again, without the preload: bench/read.js's load
 *      generator, GET /admin/orders?limit=20 against the results over two
 *      years by month and over three months by week. The server is stopped.
 *   6. `medusa exec ./bench/surveys-send.ts`: BENCH_INVITATIONS_TO_SEND
 *      invitations come due, the job sends them (timed), checks, then the
 *      baseline (createNotifications, timed).
 *   7. Drops the database (kept with BENCH_KEEP=1), prints a summary and
 *      writes bench/results/surveys-<time>.json and -plans.txt.
 *
 * Knobs (environment): BENCH_RESPONSES (500000), BENCH_UNANSWERED (= responses),
 * BENCH_CUSTOMERS (50000), BENCH_ORDERS (20000), BENCH_INVITATIONS_TO_SEND
 * (10000), BENCH_DB_RUNS (200), BENCH_READ_CLIENTS (8), BENCH_READ_REQUESTS
 * (20000 per endpoint), BENCH_READ_SECONDS (120 per endpoint), BENCH_PORT
 * (first port tried, 9400), BENCH_KEEP=1. LOG_LEVEL is Medusa's (the send
 * part's local notification provider logs each notification at info).
 */
"use strict"

const fs = require("fs")
const os = require("os")
const path = require("path")
const { logDir, envInt: num, say, note, elapsed, loadAverage, fmt, runOnFreshDatabase, execScript, resultsFile } = require("./lib/runner")
const { root } = require("./lib/medusa")
const { withClient } = require("./lib/dataset")
const { measureRoutes, labelsOf, databaseSideLines, splitPlans } = require("./lib/route-sql")
const { readTable, getJson } = require("./read")

const DAY_MS = 86_400_000
const NPS_PROMOTER_MIN = 9
const NPS_DETRACTOR_MAX = 6
const GOAL_P99_MS = 200
const GOAL_PER_S = 500

const dayBefore = (day, days) => new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10)
const int = (value) => Number(value).toLocaleString("en-US")

/** The measured endpoints, the baseline first; each results endpoint with its period. */
function endpointsOf(setup) {
  const results = (from, interval) => `/admin/surveys/${setup.survey.id}/results?from=${from}&to=${setup.today}&interval=${interval}`
  const twoYears = dayBefore(setup.today, setup.days)
  const quarter = dayBefore(setup.today, 91)
  return {
    orders: { path: "/admin/orders?limit=20", label: "GET /admin/orders?limit=20 (baseline)" },
    years: { path: results(twoYears, "month"), label: "GET .../results (2 years, by month)", from: twoYears, interval: "month" },
    quarter: { path: results(quarter, "week"), label: "GET .../results (3 months, by week)", from: quarter, interval: "week" },
  }
}

/** NPS as the results compute it: % promoters minus % detractors, one decimal. */
function npsOf(byScore) {
  const total = byScore.reduce((sum, row) => sum + row.n, 0)
  if (!total) return null
  const count = (match) => byScore.filter((row) => match(row.score)).reduce((sum, row) => sum + row.n, 0)
  return Math.round(((count((score) => score >= NPS_PROMOTER_MIN) - count((score) => score <= NPS_DETRACTOR_MAX)) / total) * 1000) / 10
}

/** What the results over `from`..`to` (whole UTC days) must say, from the responses and invitations themselves. */
async function expectedResults(client, surveyId, { from, to, interval }) {
  const start = `${from}T00:00:00Z`
  const end = `${dayBefore(to, -1)}T00:00:00Z`
  const inPeriod = `survey_id = $1 AND deleted_at IS NULL AND created_at >= $2 AND created_at < $3`
  const { rows: byScore } = await client.query(
    `SELECT score, count(*)::int AS n, (count(*) FILTER (WHERE has_text))::int AS text FROM crm_survey_response WHERE ${inPeriod} GROUP BY score`,
    [surveyId, start, end]
  )
  const { rows: byPeriod } = await client.query(
    `SELECT to_char(date_trunc($4, (created_at AT TIME ZONE 'UTC')::date), 'YYYY-MM-DD') AS period, score, count(*)::int AS n
       FROM crm_survey_response WHERE ${inPeriod} GROUP BY 1, 2`,
    [surveyId, start, end, interval]
  )
  const { rows: invitations } = await client.query(
    `SELECT count(*)::int AS n FROM crm_survey_invitation WHERE survey_id = $1 AND deleted_at IS NULL AND sent_at >= $2 AND sent_at < $3`,
    [surveyId, start, end]
  )
  const { rows: latest } = await client.query(
    `SELECT r.id, c.email FROM crm_survey_response r LEFT JOIN customer c ON c.id = r.customer_id
      WHERE r.survey_id = $1 AND r.deleted_at IS NULL AND r.has_text AND r.created_at >= $2 AND r.created_at < $3
      ORDER BY r.created_at DESC, r.id DESC LIMIT 50`,
    [surveyId, start, end]
  )
  const responses = byScore.reduce((sum, row) => sum + row.n, 0)
  const periods = new Map()
  for (const row of byPeriod) periods.set(row.period, [...(periods.get(row.period) ?? []), row])
  return {
    responses,
    invitations: invitations[0].n,
    answers_count: byScore.reduce((sum, row) => sum + row.text, 0),
    nps: npsOf(byScore),
    distribution: Array.from({ length: 11 }, (_, score) => ({ score, responses: byScore.find((row) => row.score === score)?.n ?? 0 })),
    trend: new Map([...periods].map(([period, rows]) => [period, { responses: rows.reduce((sum, row) => sum + row.n, 0), score: npsOf(rows) }])),
    latest,
  }
}

/**
 * Before timing. The baseline: 200, 20 orders, its count = the orders in the
 * database. Each results endpoint: 200; responses, invitations, the text
 * answers' count, NPS, the distribution and every period of the trend =
 * the same read with SQL from crm_survey_response and crm_survey_invitation
 * (not from the counters the route reads); its latest written answers =
 * the SQL page, with their customers' e-mails.
 */
async function checkEndpoints({ baseUrl, headers, connection, database, endpoints, setup }) {
  const problems = []
  const expect = (ok, what) => !ok && problems.push(what)
  const pages = {}

  const orders = await getJson(baseUrl, endpoints.orders.path, headers)
  await withClient(connection, database, async (client) => {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "order" WHERE deleted_at IS NULL AND is_draft_order = false`)
    expect(orders.status === 200, `${endpoints.orders.path}: answered ${orders.status} ${JSON.stringify(orders.body)?.slice(0, 300)}`)
    expect(orders.body?.orders?.length === 20, `${endpoints.orders.path}: ${orders.body?.orders?.length} orders on the page`)
    expect(orders.body?.count === rows[0].n, `${endpoints.orders.path}: count ${orders.body?.count}, ${rows[0].n} orders in the database`)
    pages.orders = { status: orders.status, count: orders.body?.count, bytes: JSON.stringify(orders.body ?? null).length }

    for (const name of ["years", "quarter"]) {
      const endpoint = endpoints[name]
      const answer = await getJson(baseUrl, endpoint.path, headers)
      const got = answer.body?.results
      pages[name] = { status: answer.status, bytes: JSON.stringify(answer.body ?? null).length }
      expect(answer.status === 200, `${endpoint.path}: answered ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 300)}`)
      if (answer.status !== 200) continue
      const want = await expectedResults(client, setup.survey.id, { from: endpoint.from, to: setup.today, interval: endpoint.interval })
      const at = `${name} (${endpoint.from}..${setup.today})`
      expect(got.responses === want.responses, `${at}: responses ${got.responses}, SQL ${want.responses}`)
      expect(got.invitations === want.invitations, `${at}: invitations ${got.invitations}, SQL ${want.invitations}`)
      expect(got.answers_count === want.answers_count, `${at}: answers_count ${got.answers_count}, SQL ${want.answers_count}`)
      expect(got.nps === want.nps, `${at}: NPS ${got.nps}, SQL ${want.nps}`)
      expect(JSON.stringify(got.distribution) === JSON.stringify(want.distribution), `${at}: distribution ${JSON.stringify(got.distribution)}, SQL ${JSON.stringify(want.distribution)}`)
      const wrongPeriods = (got.trend ?? []).filter((point) => {
        const expected = want.trend.get(point.period) ?? { responses: 0, score: null }
        return point.responses !== expected.responses || point.score !== expected.score
      })
      const trendTotal = (got.trend ?? []).reduce((sum, point) => sum + point.responses, 0)
      expect(wrongPeriods.length === 0, `${at}: ${wrongPeriods.length} trend periods differ from SQL, e.g. ${JSON.stringify(wrongPeriods[0])} against ${JSON.stringify(want.trend.get(wrongPeriods[0]?.period))}`)
      expect(trendTotal === want.responses, `${at}: the trend's periods hold ${trendTotal} responses, SQL ${want.responses}`)
      const answerIds = (got.answers ?? []).map((item) => item.response_id)
      expect(JSON.stringify(answerIds) === JSON.stringify(want.latest.map((row) => row.id)), `${at}: latest written answers ${answerIds.slice(0, 3).join(",")}... are not the SQL page ${want.latest.slice(0, 3).map((row) => row.id).join(",")}...`)
      const wrongCustomers = (got.answers ?? []).filter((item, i) => item.customer?.email !== want.latest[i]?.email)
      expect(wrongCustomers.length === 0, `${at}: ${wrongCustomers.length} written answers without their customer's e-mail`)
      Object.assign(pages[name], {
        responses: got.responses,
        invitations: got.invitations,
        response_rate: got.response_rate,
        nps: got.nps,
        nps_breakdown: got.nps_breakdown,
        answers_count: got.answers_count,
        periods: got.trend?.length,
        answers: answerIds.length,
      })
    }
  })
  const ok = problems.length === 0
  return { ok, measured: ok ? Object.keys(endpoints) : [], problems, pages }
}

function summary({ setup, checks, db, read, send, labels, context }) {
  const h = setup.history
  const years = checks.pages.years ?? {}
  const lines = [
    "",
    `Surveys benchmark (${context.date}; ${context.cores} cores; load average ${context.loadBefore} before, ${context.loadAfter} after)`,
    `one NPS survey: ${int(h.responses)} responses over ${setup.days} days (${int(h.with_text)} with a written answer; NPS ${years.nps} over the two years), ` +
      `invitations ${Object.entries(h.invitations_by_status).map(([status, n]) => `${status} ${int(n)}`).join(", ")}; ` +
      `crm_survey_daily_count ${int(h.counter_rows)} rows; crm_survey_response ${h.response_size}, crm_survey_invitation ${h.invitation_size}`,
    `${int(setup.orders.count)} orders of ${int(setup.customers)} customers over 180 days (GET /admin/orders count ${checks.pages.orders?.count})`,
    "",
  ]
  if (read) lines.push(...readTable(read, labels, "orders"), "")
  if (db) lines.push(...databaseSideLines(db, labels, context.db_runs), "")
  if (read) {
    const worst = Math.max(read.results.years.p99_ms, read.results.quarter.p99_ms)
    lines.push(
      `goal: results p99 under ${GOAL_P99_MS} ms at ${read.clients} clients: ${worst < GOAL_P99_MS ? "met" : "MISSED"} ` +
        `(2 years by month ${fmt(read.results.years.p99_ms)} ms, 3 months by week ${fmt(read.results.quarter.p99_ms)} ms)`
    )
  } else {
    lines.push("goal (results): not measured (checks failed)")
  }
  if (send) {
    lines.push(
      "",
      `send job (src/jobs/send-survey-invitations.ts, batches of ${send.batch}, LOG_LEVEL ${send.log_level}): ${int(send.invitations)} invitations in ${fmt(send.job.seconds)} s = ${fmt(send.job.per_s, 0)}/s`,
      `baseline (createNotifications, pre-rendered, batches of ${send.batch}): ${int(send.invitations)} notifications in ${fmt(send.baseline.seconds)} s = ${fmt(send.baseline.per_s, 0)}/s; ` +
        `the job takes ${fmt(send.job.seconds / send.baseline.seconds, 2)}x the baseline's time`,
      `goal: job >= ${GOAL_PER_S} invitations/s: ${send.job.per_s >= GOAL_PER_S ? "met" : "MISSED"} (${fmt(send.job.per_s, 0)}/s)`,
      `send checks: ${send.checks.ok ? "OK" : "FAILED"} (${int(send.checks.sent)} sent with a token hash; ${int(send.checks.notifications)} successful survey-invitation notifications to their address, no link stored; ` +
        `invitation counters +${int(send.checks.counters_added)}; baseline ${int(send.baseline.sent)} successful)`,
      ...send.checks.problems.map((problem) => `  ${problem}`)
    )
  }
  lines.push(
    `read checks: ${checks.ok ? "OK" : "FAILED"} (200s; orders count = the database's; results' responses, invitations, answers_count, NPS, distribution, trend and latest written answers = SQL over the responses and invitations)`,
    ...checks.problems.map((problem) => `  ${problem}`),
    ""
  )
  return lines.join("\n")
}

const loadBefore = loadAverage()
const sizes = {
  BENCH_RESPONSES: String(num("BENCH_RESPONSES", 500_000)),
  BENCH_CUSTOMERS: String(num("BENCH_CUSTOMERS", 50_000)),
  BENCH_ORDERS: String(num("BENCH_ORDERS", 20_000)),
  BENCH_INVITATIONS_TO_SEND: String(num("BENCH_INVITATIONS_TO_SEND", 10_000)),
}
note(`medusa-plugin-crm surveys benchmark; ${sizes.BENCH_RESPONSES} responses, ${sizes.BENCH_INVITATIONS_TO_SEND} invitations to send; load average ${loadBefore} on ${os.cpus().length} cores`)

runOnFreshDatabase(async ({ database, env, cleanUp }) => {
  // 2. Shop, admin, customers, orders, the survey's history.
  const setup = await execScript("surveys.ts", "BENCH_SURVEYS_SETUP", { env: { ...env, ...sizes }, logName: "surveys.log" })
  const endpoints = endpointsOf(setup)
  const labels = labelsOf(endpoints)

  // 3-5. Checks and the SQL of each route, the database side alone, the load.
  const { checks, db, read, dbRuns } = await measureRoutes({
    env,
    database,
    name: "surveys",
    endpoints,
    admin: setup.admin,
    check: (server) => checkEndpoints({ ...server, endpoints, setup }),
    clients: 8,
  })

  // 6. The send job and its baseline (no server running).
  const send = await execScript("surveys-send.ts", "BENCH_SURVEYS_SEND", {
    env: { ...env, ...sizes, BENCH_SURVEY_ID: setup.survey.id },
    logName: "surveys-send.log",
  })

  // 7. Drop, report.
  await cleanUp()
  const stamp = new Date().toISOString()
  const context = { date: stamp.slice(0, 16).replace("T", " "), loadBefore, loadAfter: loadAverage(), cores: os.cpus().length, cpu: os.cpus()[0]?.model, db_runs: dbRuns }
  say(summary({ setup, checks, db, read, send, labels, context }))
  note(`total ${elapsed()}`)
  const file = resultsFile("surveys", stamp)
  const plans = splitPlans(db, labels)
  const { admin, ...setupRest } = setup
  fs.writeFileSync(file, `${JSON.stringify({ context, endpoints, setup: setupRest, checks, db: plans.withoutPlans, read, send }, null, 2)}\n`)
  const planFile = file.replace(/\.json$/, "-plans.txt")
  fs.writeFileSync(planFile, plans.text)
  note(`results: ${path.relative(root, file)}; plans: ${path.relative(root, planFile)}; logs: ${path.relative(root, logDir)}/`)
  if (!checks.ok || !read || !send.checks.ok) process.exitCode = 1
})
