#!/usr/bin/env node
/**
 * `npm run bench:reviews`: the storefront's review list of a product with
 * 100,000 reviews against Medusa's own GET /store/products/:id (see
 * bench/README.md).
 *
 *   1. A fresh database crm_bench_<random> on the server scripts/lib/database.js
 *      finds, `medusa db:migrate` with the repository's medusa-config.ts.
 *   2. `medusa exec ./bench/reviews.ts`: a shop with one product,
 *      BENCH_REVIEWS reviews of it in one INSERT ... SELECT, its kept summary
 *      rebuilt by the module, the database side of the route on its own.
 *   3. `medusa start` (NODE_ENV=development, admin off) on a free port from
 *      9400; each endpoint is checked (200, counts, the page's rows against
 *      SQL), then bench/read.js's load generator: GET /store/products/:id
 *      against GET /store/products/:id/reviews (newest, most helpful, 1 star).
 *   4. Stops the server, drops the database (kept with BENCH_KEEP=1), prints a
 *      summary and writes it to bench/results/reviews-<time>.json.
 *
 * Knobs (environment): BENCH_REVIEWS (100000), BENCH_DB_RUNS (500),
 * BENCH_READ_CLIENTS (32), BENCH_READ_REQUESTS (20000 per endpoint),
 * BENCH_READ_SECONDS (60 per endpoint), BENCH_PORT (first port tried, 9400),
 * BENCH_KEEP=1.
 */
"use strict"

const fs = require("fs")
const os = require("os")
const path = require("path")
const { logDir, envInt: num, say, note, elapsed, loadAverage, fmt, runOnFreshDatabase, execScript, startServer, resultsFile } = require("./lib/runner")
const { root } = require("./lib/medusa")
const { withClient } = require("./lib/dataset")
const { compareEndpoints, readTable, call } = require("./read")

/** The measured endpoints: the baseline first. `order`/`rating` describe the reviews pages for the checks. */
function endpointsOf(productId) {
  const reviews = `/store/products/${productId}/reviews`
  return {
    product: { path: `/store/products/${productId}`, label: "GET /store/products/:id (baseline)" },
    reviews: { path: reviews, label: "GET .../reviews (newest first)", order: "created_at DESC, id DESC" },
    helpful: { path: `${reviews}?order=-helpful_count`, label: "GET .../reviews?order=-helpful_count", order: "helpful_count DESC, created_at DESC, id DESC" },
    rating1: { path: `${reviews}?rating=1`, label: "GET .../reviews?rating=1", order: "created_at DESC, id DESC", rating: 1 },
  }
}

/**
 * Before timing: every endpoint answers 200 with what it should. The counts
 * against the rows inserted, the page's ids against the same page read with
 * plain SQL.
 */
async function checkEndpoints({ baseUrl, headers, endpoints, setup, connection, database }) {
  const problems = []
  const expect = (ok, what) => !ok && problems.push(what)
  const productId = setup.shop.product_id
  const approved = setup.reviews.approved

  const { product } = await call(baseUrl, "GET", endpoints.product.path, { headers })
  expect(product?.id === productId, `GET /store/products/:id answered product ${product?.id}`)

  const pages = {}
  for (const name of ["reviews", "helpful", "rating1"]) {
    const endpoint = endpoints[name]
    const body = await call(baseUrl, "GET", endpoint.path, { headers })
    const expected = endpoint.rating ? setup.reviews.approved_rating_1 : approved
    const ids = await withClient(connection, database, async (client) => {
      const { rows } = await client.query(
        `SELECT id FROM crm_review
          WHERE product_id = $1 AND status = 'approved' AND deleted_at IS NULL ${endpoint.rating ? "AND rating = $2" : ""}
          ORDER BY ${endpoint.order} LIMIT 20`,
        endpoint.rating ? [productId, endpoint.rating] : [productId]
      )
      return rows.map((row) => row.id)
    })
    expect(body.count === expected, `${endpoint.path}: count ${body.count}, ${expected} approved rows`)
    expect(body.summary?.review_count === approved, `${endpoint.path}: summary.review_count ${body.summary?.review_count}, ${approved} approved rows`)
    expect(body.limit === 20 && body.offset === 0, `${endpoint.path}: limit ${body.limit}, offset ${body.offset}`)
    const got = (body.reviews ?? []).map((review) => review.id)
    expect(JSON.stringify(got) === JSON.stringify(ids), `${endpoint.path}: page ${got.slice(0, 3).join(",")}... is not the SQL page ${ids.slice(0, 3).join(",")}...`)
    const leaked = (body.reviews ?? []).filter((review) => "customer_id" in review || "status" in review)
    expect(leaked.length === 0, `${endpoint.path}: ${leaked.length} reviews carry customer_id or status`)
    pages[name] = { count: body.count, summary: body.summary, reviews: got.length, bytes: JSON.stringify(body).length }
  }
  pages.product = { bytes: JSON.stringify({ product }).length }
  return { ok: problems.length === 0, problems, pages }
}

function summary(setup, read, checks, endpoints, context) {
  const base = read.results.product
  const ratio = (result) => ({ p50: result.p50_ms / base.p50_ms, p99: result.p99_ms / base.p99_ms })
  const names = Object.keys(endpoints)
  const reviewNames = names.filter((name) => name !== "product")
  const verdict = (name) => {
    const r = ratio(read.results[name])
    return `${endpoints[name].label}: p50 ${fmt(r.p50, 2)}x, p99 ${fmt(r.p99, 2)}x: ${r.p50 <= 1.5 && r.p99 <= 1.5 ? "met" : "MISSED"}`
  }
  const r = setup.reviews
  const lines = [
    "",
    `Reviews read benchmark (${context.date}; ${os.cpus().length} cores; load average ${context.loadBefore} before, ${context.loadAfter} after)`,
    `${r.total.toLocaleString("en-US")} reviews of one product (${r.approved.toLocaleString("en-US")} approved, average ${r.approved_average}; ` +
      `${r.pending.toLocaleString("en-US")} pending, ${r.rejected.toLocaleString("en-US")} rejected; text ${r.min_length}-${r.max_length} chars; crm_review ${r.table_size})`,
    "",
    ...readTable(read, Object.fromEntries(names.map((name) => [name, endpoints[name].label])), "product"),
    "",
    `database side alone (one at a time, ${setup.db_runs} runs): ` +
      Object.entries(setup.db).map(([name, d]) => `${name} ${fmt(d.p50_ms, 2)}/${fmt(d.p99_ms, 2)} ms`).join(", ") + " (p50/p99)",
    ...reviewNames.map((name) => `goal within 1.5x of GET /store/products/:id, ${verdict(name)}`),
    `checks: ${checks.ok && setup.summary.ok ? "OK" : "FAILED"} (200s, count and summary.review_count = approved rows, each page = the same page read with SQL; kept summary = fresh aggregate)`,
    ...checks.problems.map((problem) => `  ${problem}`),
    "",
  ]
  return lines.join("\n")
}

const loadBefore = loadAverage()
const reviews = num("BENCH_REVIEWS", 100_000)
note(`medusa-plugin-crm reviews benchmark; ${reviews} reviews; load average ${loadBefore} on ${os.cpus().length} cores`)

runOnFreshDatabase(async ({ database, env, cleanUp }) => {
  // 2. Shop, reviews, summary, database side.
  const setup = await execScript("reviews.ts", "BENCH_REVIEWS_SETUP", { env: { ...env, BENCH_REVIEWS: String(reviews) }, logName: "reviews.log" })
  setup.db_runs = num("BENCH_DB_RUNS", 500)

  // 3. Server, checks, load.
  const { baseUrl } = await startServer(env)
  const headers = { "x-publishable-api-key": setup.shop.publishable_key }
  const endpoints = endpointsOf(setup.shop.product_id)
  const checks = await checkEndpoints({ baseUrl, headers, endpoints, setup, connection: database.server.connection, database: database.name })
  note(`checks before timing: ${checks.ok ? "OK" : `FAILED: ${checks.problems.join("; ")}`}`)

  const since = Date.now()
  const read = checks.ok
    ? await compareEndpoints({
        baseUrl,
        endpoints: Object.fromEntries(Object.entries(endpoints).map(([key, endpoint]) => [key, endpoint.path])),
        headers,
        clients: num("BENCH_READ_CLIENTS", 32),
        requests: num("BENCH_READ_REQUESTS", 20_000),
        seconds: num("BENCH_READ_SECONDS", 60),
        log: note,
      })
    : null
  if (read) note(`read benchmark: ${elapsed(since)}; load average ${loadAverage()}`)

  // 4. Stop, drop, report.
  await cleanUp()
  const loadAfter = loadAverage()
  const stamp = new Date().toISOString()
  const context = { date: stamp.slice(0, 16).replace("T", " "), loadBefore, loadAfter, cores: os.cpus().length, cpu: os.cpus()[0]?.model }
  if (read) say(summary(setup, read, checks, endpoints, context))
  note(`total ${elapsed()}`)
  const file = resultsFile("reviews", stamp)
  const ratios = read
    ? Object.fromEntries(
        Object.keys(endpoints)
          .filter((key) => key !== "product")
          .map((key) => [key, { p50: read.results[key].p50_ms / read.results.product.p50_ms, p99: read.results[key].p99_ms / read.results.product.p99_ms }])
      )
    : null
  fs.writeFileSync(file, `${JSON.stringify({ context, endpoints, setup, checks, read, ratios }, null, 2)}\n`)
  note(`results: ${path.relative(root, file)}; logs: ${path.relative(root, logDir)}/`)
  if (!checks.ok || !setup.summary.ok) process.exitCode = 1
})
