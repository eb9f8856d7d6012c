#!/usr/bin/env node
/**
 * `npm run bench:tiers`: re-evaluating every member's loyalty tier against
 * computing the qualifying measure alone (see bench/README.md).
 *
 *   1. The data set (bench/lib/dataset.js): a database migrated with
 *      `medusa db:migrate` (the repository's medusa-config.ts) and filled by
 *      bench/data/generate-orders.js with BENCH_CUSTOMERS loyalty accounts and
 *      BENCH_ORDERS order facts; with BENCH_REUSE=1 kept and used again by the
 *      next run of the same size.
 *   2. A copy of it for this run, with the 4 tiers of the default ladder.
 *   3. `medusa exec ./bench/tiers.ts`: baseline, re-scores, checks.
 *   4. With BENCH_EXPLAIN=1, EXPLAIN (ANALYZE, BUFFERS) of the first run's
 *      statement on another fresh copy (rolled back).
 *   5. Drops the copies (kept with BENCH_KEEP=1) and the data set (unless
 *      reused), prints a summary and writes it to bench/results/tiers-<time>.json.
 *
 * Knobs (environment): BENCH_CUSTOMERS (1000000), BENCH_ORDERS (5000000),
 * BENCH_REUSE=1, BENCH_SHIFT=0 (no "time passes" runs), BENCH_EXPLAIN=1,
 * BENCH_TIMEOUT (seconds a re-score may take before it is cancelled, 600),
 * BENCH_KEEP=1.
 */
"use strict"

const crypto = require("crypto")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { resolveDatabaseServer, serverUrl } = require("../scripts/lib/database")
const { root } = require("./lib/medusa")
const { prepareOrdersDataset, cloneDatabase, dropDatabase, withClient } = require("./lib/dataset")
const { logDir, keep, envInt: num, say, note, elapsed, loadAverage, runBenchmark, execScript, resultsFile } = require("./lib/runner")
const { describeDataset } = require("./data/generate-orders")

const reuse = process.env.BENCH_REUSE === "1"
const explain = process.env.BENCH_EXPLAIN === "1"

/** The default ladder (src/modules/loyalty/tiers/ladder.ts), spend in EUR over 12 months; fixed ids. */
const TIERS = [
  { id: "lptier_bench_basic", name: "Basic", rank: 0, threshold: 0 },
  { id: "lptier_bench_silver", name: "Silver", rank: 1, threshold: 500 },
  { id: "lptier_bench_gold", name: "Gold", rank: 2, threshold: 1500 },
  { id: "lptier_bench_diamond", name: "Diamond", rank: 3, threshold: 5000 },
]

const state = { server: null, drop: [] }

async function dropDatabases() {
  const { server } = state
  if (!server) return
  const names = state.drop.splice(0)
  for (const name of names) {
    if (keep) {
      note(`BENCH_KEEP=1: database ${name} kept (${serverUrl(server.connection)}/${name})`)
    } else {
      await dropDatabase(server.connection, name)
      note(`database ${name} dropped`)
    }
  }
  state.server = null
  await server.stop()
}

async function insertTiers(connection, database) {
  await withClient(connection, database, (client) =>
    client.query(
      `INSERT INTO crm_loyalty_tier (id, name, rank, threshold, raw_threshold)
       SELECT t.id, t.name, t.rank, t.threshold, jsonb_build_object('value', t.threshold::text, 'precision', 20)
         FROM jsonb_to_recordset($1::jsonb) AS t(id text, name text, rank int, threshold numeric)`,
      [JSON.stringify(TIERS)]
    )
  )
}

/** EXPLAIN (ANALYZE, BUFFERS) of the first run's statement on a fresh copy of the data set, rolled back. */
async function explainFirstRun(connection, dataset, statement, timeoutSeconds) {
  const name = `crm_bench_${crypto.randomBytes(4).toString("hex")}_explain`
  await cloneDatabase(connection, dataset, name)
  state.drop.push(name)
  await insertTiers(connection, name)
  return withClient(connection, name, async (client) => {
    await client.query("BEGIN")
    try {
      await client.query("SELECT set_config('statement_timeout', $1, true)", [`${timeoutSeconds}s`])
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, VERBOSE) ${statement.sql}`, statement.bindings)
      return rows.map((row) => row["QUERY PLAN"]).join("\n")
    } finally {
      await client.query("ROLLBACK")
    }
  })
}

const fmt = (value, digits = 2) => Number(value).toFixed(digits)
const int = (value) => Number(value).toLocaleString("en-US")
const row = (cells, widths) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ")
const countsText = (c) => `up ${int(c.upgraded)}, down ${int(c.downgraded)}, grace ${int(c.grace_started)}, cleared ${int(c.grace_cleared)}`

function summary(result, context) {
  const { baseline, runs } = result
  const [first, steady] = runs
  const seconds = (run) => (run.timed_out ? `> ${run.seconds.toFixed(0)}` : fmt(run.seconds))
  const ratio = (run) => `${run.timed_out ? "> " : ""}x${fmt(run.seconds / baseline.seconds)}`
  const goals = (label, run) =>
    !run
      ? `goal ${label}: not run`
      : `goal ${label} under 60 s: ${!run.timed_out && run.seconds < 60 ? "met" : "MISSED"} (${run.timed_out ? "cancelled after " : ""}${fmt(run.seconds, 1)} s); ` +
        `within 2x of the baseline: ${!run.timed_out && run.seconds <= 2 * baseline.seconds ? "met" : "MISSED"} (${ratio(run)})`
  const widths = [36, 10, 12, 48]
  const lines = [
    "",
    `Loyalty tiers benchmark (${context.date}; ${os.cpus().length} cores; PostgreSQL ${result.postgres.version}; ` +
      `load average ${context.loadBefore} before, ${context.loadAfter} after)`,
    `${int(result.accounts)} accounts, ${int(result.orders)} order facts (${context.dataset.order_fact_size}), ` +
      `${int(baseline.customers)} customers with spend in the 12 months to ${result.now.slice(0, 10)}; ` +
      `data set ${context.reused ? "reused" : `generated in ${fmt(context.generate_seconds, 0)} s`}; ` +
      `shared_buffers ${result.postgres.settings.shared_buffers}, work_mem ${result.postgres.settings.work_mem}`,
    "",
    row(["", "seconds", "vs baseline", "counts"], widths),
    row(["baseline: measure of every customer", fmt(baseline.seconds), "1", `(runs ${baseline.runs.map((s) => fmt(s)).join(", ")})`], widths),
    ...runs.map((run) =>
      row(
        [
          `rescoreTiers, ${run.name}`,
          seconds(run),
          ratio(run),
          run.timed_out ? `cancelled (BENCH_TIMEOUT ${result.timeout_seconds} s)` : `${countsText(run.counts)}${run.ok ? "" : " MISMATCH"}`,
        ],
        widths
      )
    ),
    "",
    ...(result.distribution.length ? [`members per tier after the first run: ${result.distribution.map((d) => `${d.name} ${int(d.members)}`).join(", ")}`] : []),
    goals("first run", first),
    goals("steady state", steady),
    first.timed_out
      ? "checks: not made (the first run did not finish)"
      : `checks: first run ${result.checks.ok ? "OK" : "FAILED"} (every account in the tier its spend qualifies for, one change row each); ` +
        `steady state changes nothing: ${result.steady_state_zero ? "OK" : "FAILED"}; ` +
        `every run did what an independent query predicted: ${runs.every((run) => run.ok) ? "OK" : "FAILED"}`,
    "",
  ]
  return lines.join("\n")
}

async function main(cleanUp) {
  const loadBefore = loadAverage()
  const customers = num("BENCH_CUSTOMERS", 1_000_000)
  const orders = num("BENCH_ORDERS", 5_000_000)
  note(`medusa-plugin-crm tiers benchmark; ${customers} customers, ${orders} orders; load average ${loadBefore} on ${os.cpus().length} cores`)

  const server = await resolveDatabaseServer({
    embeddedDataDir: path.join(os.tmpdir(), `crm-bench-pg-${process.pid}`),
    embeddedPort: num("BENCH_PG_PORT", 54330),
    persistent: false,
    log: note,
  })
  state.server = server
  const { connection } = server
  note(`PostgreSQL: ${server.source} (${connection.host}:${connection.port})`)

  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", MEDUSA_ADMIN_DISABLE: "true" }
  delete env.REDIS_URL
  delete env.MEDUSA_WORKER_MODE

  // 1. Data set.
  // A throw-away data set is dropped at the end (or when the run fails); a reused one is kept.
  const onCreate = (created) => !reuse && state.drop.push(created)
  const dataset = await prepareOrdersDataset({ connection, customers, orders, reuse, env, logDir, log: note, onCreate })

  // 2. This run's copy.
  let since = Date.now()
  const name = `crm_bench_${crypto.randomBytes(4).toString("hex")}`
  await cloneDatabase(connection, dataset.name, name)
  state.drop.unshift(name)
  await insertTiers(connection, name)
  note(`database ${name}: copy of ${dataset.name} in ${elapsed(since)}, with ${TIERS.length} tiers`)

  // 3. Baseline and re-scores.
  const result = await execScript("tiers.ts", "BENCH_TIERS_RESULT", {
    env: { ...env, DATABASE_URL: `${serverUrl(connection)}/${name}`, BENCH_NOW: dataset.dataset.anchor.toISOString() },
    logName: "tiers.log",
  })
  const shape = await withClient(connection, name, (client) => describeDataset(client, { since: new Date(result.since) }))

  // 4. EXPLAIN of the first run.
  if (explain && !result.runs[0].timed_out) {
    since = Date.now()
    result.plans["first run"] = await explainFirstRun(connection, dataset.name, result.runs[0].statement, result.timeout_seconds)
    note(`EXPLAIN ANALYZE of the first run on a fresh copy: ${elapsed(since)}`)
  }

  // 5. Clean up, report.
  await cleanUp()
  const loadAfter = loadAverage()
  const stamp = new Date().toISOString()
  const context = {
    date: stamp.slice(0, 16).replace("T", " "),
    loadBefore,
    loadAfter,
    reused: dataset.reused,
    generate_seconds: dataset.generate_seconds ?? null,
    dataset: { name: dataset.name, anchor: dataset.dataset.anchor, generated_at: dataset.dataset.generated_at, ...shape },
  }
  say(summary(result, context))
  note(`total ${elapsed()}`)
  const file = resultsFile("tiers", stamp)
  const { plans, ...rest } = result
  fs.writeFileSync(file, `${JSON.stringify({ context, ...rest }, null, 2)}\n`)
  // The plan of each run as the planner chose it, and with BENCH_EXPLAIN=1 the analysed ones.
  const planFile = file.replace(/\.json$/, "-plans.txt")
  const sections = [
    ...result.runs.map((run) => [`EXPLAIN of rescoreTiers, ${run.name}`, run.plan]),
    ...Object.entries(plans).map(([what, plan]) => [`EXPLAIN (ANALYZE, BUFFERS) of ${what}`, plan]),
  ]
  fs.writeFileSync(planFile, sections.map(([what, plan]) => `== ${what}\n${plan}\n`).join("\n"))
  note(`results: ${path.relative(root, file)}; plans: ${path.relative(root, planFile)}; logs: ${path.relative(root, logDir)}/`)
  if (!result.ok) process.exitCode = 1
}

runBenchmark(main, dropDatabases)
