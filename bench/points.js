#!/usr/bin/env node
/**
 * `npm run bench:points`: the loyalty points benchmarks (see bench/README.md).
 *
 *   1. A fresh database crm_bench_<random> on the server scripts/lib/database.js
 *      finds (DATABASE_URL's server, else localhost:5432, else an embedded one),
 *      `medusa db:migrate` with the repository's medusa-config.ts.
 *   2. `medusa exec ./bench/earn.ts`: data, earn throughput against plain SQL,
 *      ledger checks.
 *   3. `medusa start` (NODE_ENV=development, admin off) on a free port from
 *      9400, then bench/read.js: GET /store/loyalty/account against
 *      GET /store/customers/me.
 *   4. Stops the server, drops the database (kept with BENCH_KEEP=1), prints a
 *      summary and writes it to bench/results/points-<time>.json.
 *
 * Knobs (environment): BENCH_ORDERS (10000), BENCH_CUSTOMERS (= orders),
 * BENCH_CONCURRENCY (16), BENCH_EARN_BATCH (100), BENCH_BATCH_CONCURRENCY (2), BENCH_SQL_BATCH (500), BENCH_READ_CLIENTS (32),
 * BENCH_READ_REQUESTS (20000 per endpoint), BENCH_READ_SECONDS (60 per endpoint),
 * BENCH_PORT (first port tried, 9400), BENCH_KEEP=1.
 */
"use strict"

const fs = require("fs")
const os = require("os")
const path = require("path")
const { logDir, envInt: num, say, note, elapsed, loadAverage, fmt, row, runOnFreshDatabase, execScript, startServer, resultsFile } = require("./lib/runner")
const { root } = require("./lib/medusa")
const { readBenchmark } = require("./read")

function summary(earn, read, context) {
  const earnRatio = earn.sql_batch_insert.orders_per_s / earn.earn.orders_per_s
  const p50Ratio = read.loyalty.p50_ms / read.customer.p50_ms
  const p99Ratio = read.loyalty.p99_ms / read.customer.p99_ms
  const widths = [44, 14, 14, 22]
  const lines = [
    "",
    `Loyalty points benchmark (${context.date}; ${os.cpus().length} cores; load average ${context.loadBefore} before, ${context.loadAfter} after)`,
    "",
    row(["earn: 10,000 orders", "orders/s", "run p50/p99", "vs workflow"], widths).replace("10,000", earn.orders.toLocaleString("en-US")),
    row([`earnOrderPointsWorkflow, ${earn.concurrency} in flight`, fmt(earn.earn.orders_per_s), `${fmt(earn.earn.run_ms.p50, 0)}/${fmt(earn.earn.run_ms.p99, 0)} ms`, "1"], widths),
    row([`same, ${earn.earn_batched.batch} orders per run, ${earn.earn_batched.concurrency} in flight`, fmt(earn.earn_batched.orders_per_s), `${fmt(earn.earn_batched.run_ms.p50, 0)}/${fmt(earn.earn_batched.run_ms.p99, 0)} ms`, `x${fmt(earn.earn_batched.orders_per_s / earn.earn.orders_per_s)}`], widths),
    row([`plain SQL, multi-row INSERTs, ${earn.sql_batch}/batch`, fmt(earn.sql_batch_insert.orders_per_s, 0), "", `x${fmt(earnRatio)} faster`], widths),
    row([`plain SQL, 1 transaction/order, ${earn.concurrency} in flight`, fmt(earn.sql_tx_per_order.orders_per_s, 0), "", `x${fmt(earn.sql_tx_per_order.orders_per_s / earn.earn.orders_per_s)} faster`], widths),
    row([`(seed) createOrderWorkflow, 8 in flight`, fmt(earn.seed.workflow_orders_per_s), "", ""], widths),
    "",
    row([`read: ${read.clients} clients, ${read.loyalty.requests} req each`, "p50 / p99 ms", "mean ms", "req/s"], widths),
    row(["GET /store/loyalty/account", `${fmt(read.loyalty.p50_ms)} / ${fmt(read.loyalty.p99_ms)}`, fmt(read.loyalty.mean_ms), fmt(read.loyalty.per_s, 0)], widths),
    row(["GET /store/customers/me", `${fmt(read.customer.p50_ms)} / ${fmt(read.customer.p99_ms)}`, fmt(read.customer.mean_ms), fmt(read.customer.per_s, 0)], widths),
    row(["ratio loyalty / customers/me", `${fmt(p50Ratio, 2)} / ${fmt(p99Ratio, 2)}`, fmt(read.loyalty.mean_ms / read.customer.mean_ms, 2), fmt(read.loyalty.per_s / read.customer.per_s, 2)], widths),
    "",
    `goal earn >= 100 orders/s, one order per run (order.placed): ${earn.earn.orders_per_s >= 100 ? "met" : "MISSED"} (${fmt(earn.earn.orders_per_s)})`,
    `goal earn >= 100 orders/s, ${earn.earn_batched.batch} per run (reconciliation, back-fill): ${earn.earn_batched.orders_per_s >= 100 ? "met" : "MISSED"} (${fmt(earn.earn_batched.orders_per_s)})`,
    `goal account read p99 within 1.3x of /store/customers/me: ${p99Ratio <= 1.3 ? "met" : "MISSED"} (${fmt(p99Ratio, 2)}x)`,
    `ledger checks: ${earn.checks.ok ? "OK" : "FAILED"} (${earn.checks.orders_without_exactly_one_earn} orders without exactly one earn entry, ` +
      `${earn.checks.accounts_balance_not_sum_of_entries} accounts whose balances are not the sums of their entries)`,
    "",
  ]
  return lines.join("\n")
}

const loadBefore = loadAverage()
note(`medusa-plugin-crm points benchmark; load average ${loadBefore} on ${os.cpus().length} cores`)

runOnFreshDatabase(async ({ env, cleanUp }) => {
  // 2. Earn.
  const earn = await execScript("earn.ts", "BENCH_EARN_RESULT", { env, logName: "earn.log" })

  // 3. Read.
  const { baseUrl } = await startServer(env)
  const since = Date.now()
  const read = await readBenchmark({
    baseUrl,
    shop: earn.shop,
    clients: num("BENCH_READ_CLIENTS", 32),
    requests: num("BENCH_READ_REQUESTS", 20_000),
    seconds: num("BENCH_READ_SECONDS", 60),
    log: note,
  })
  note(`read benchmark: ${elapsed(since)}; load average ${loadAverage()}`)

  // 4. Stop, drop, report.
  await cleanUp()
  const loadAfter = loadAverage()
  const stamp = new Date().toISOString()
  const context = { date: stamp.slice(0, 16).replace("T", " "), loadBefore, loadAfter }
  say(summary(earn, read, context))
  note(`total ${elapsed()}`)
  const file = resultsFile("points", stamp)
  fs.writeFileSync(file, `${JSON.stringify({ context, earn, read }, null, 2)}\n`)
  note(`results: ${path.relative(root, file)}; logs: ${path.relative(root, logDir)}/`)
  if (!earn.checks.ok) process.exitCode = 1
})
