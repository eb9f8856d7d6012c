#!/usr/bin/env node
/**
 * `npm run bench:segments`: RFM scoring of every customer, and the refresh of
 * a 3-condition segment with its customer group, each against the bare SQL
 * that computes the same answer in the same run (see bench/README.md).
 *
 *   1. The data set (bench/lib/dataset.js, shared with bench:tiers): a
 *      database migrated with `medusa db:migrate` and filled by
 *      bench/data/generate-orders.js with BENCH_CUSTOMERS customers and
 *      BENCH_ORDERS order facts; with BENCH_REUSE=1 kept and used again.
 *   2. A copy of it for this run.
 *   3. `medusa exec ./bench/segments.ts`: RFM, segment refreshes, their
 *      baselines and checks, where the group sync's time goes.
 *   4. Drops the copy (kept with BENCH_KEEP=1) and the data set (unless
 *      reused), prints a summary and writes it to bench/results/segments-<time>.json.
 *
 * Knobs (environment): BENCH_CUSTOMERS (1000000), BENCH_ORDERS (5000000),
 * BENCH_REUSE=1, BENCH_CHANGED_SHARE (0.01), BENCH_GROUP_SAMPLE (20000; 0:
 * no group-sync breakdown), BENCH_KEEP=1.
 */
"use strict"

const crypto = require("crypto")
const fs = require("fs")
const os = require("os")
const path = require("path")
const { resolveDatabaseServer, serverUrl } = require("../scripts/lib/database")
const { root } = require("./lib/medusa")
const { prepareOrdersDataset, cloneDatabase, dropDatabase } = require("./lib/dataset")
const { logDir, keep, envInt: num, say, note, elapsed, loadAverage, runBenchmark, execScript, resultsFile } = require("./lib/runner")

const reuse = process.env.BENCH_REUSE === "1"
const state = { server: null, drop: [] }

async function dropDatabases() {
  const { server } = state
  if (!server) return
  for (const name of state.drop.splice(0)) {
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

const fmt = (value, digits = 2) => Number(value).toFixed(digits)
const int = (value) => Number(value).toLocaleString("en-US")
const row = (cells, widths) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ")
const met = (ok) => (ok ? "met" : "MISSED")

function goalLine(label, seconds, limit, baseline) {
  return (
    `goal ${label} under ${limit} s: ${met(seconds < limit)} (${fmt(seconds, 1)} s); ` +
    `within 1.5x of its baseline: ${met(seconds <= 1.5 * baseline)} (x${fmt(seconds / baseline)})`
  )
}

function summary(result, context) {
  const { rfm, segment } = result
  const widths = [66, 9, 11, 60]
  const lines = [
    "",
    `Segments benchmark (${context.date}; ${os.cpus().length} cores; PostgreSQL ${result.postgres.version}; ` +
      `load average ${context.loadBefore} before, ${context.loadAfter} after)`,
    `${int(result.customers)} customers, ${int(result.orders)} order facts (${int(result.with_country)} with a country); ` +
      `data set ${context.reused ? "reused" : `generated in ${fmt(context.generate_seconds, 0)} s`}; ` +
      `shared_buffers ${result.postgres.settings.shared_buffers}, work_mem ${result.postgres.settings.work_mem}`,
  ]
  if (rfm) lines.push(
    "",
    `RFM scoring through ${rfm.source} (as of the data set's anchor)`,
    row(["", "seconds", "vs baseline", ""], widths),
    row(["baseline: bare SQL, CREATE TEMP TABLE AS the ntile query", fmt(rfm.baseline.seconds), "1", `${int(rfm.baseline.customers)} customers (runs ${rfm.baseline.runs.map((s) => fmt(s)).join(", ")})`], widths),
    row(["bare SQL into an empty table like crm_customer_rfm", fmt(rfm.stored_table_seconds), `x${fmt(rfm.stored_table_seconds / rfm.baseline.seconds)}`, "logged, with its primary key and index (what storing costs)"], widths),
    row([`${rfm.source.split(" ")[0]}, first run (empty score table)`, fmt(rfm.first.seconds), `x${fmt(rfm.first.seconds / rfm.baseline.seconds)}`, `${int(rfm.first.changed)} rows written`], widths),
    row([`${rfm.source.split(" ")[0]}, steady state (same as-of)`, fmt(rfm.steady.seconds), `x${fmt(rfm.steady.seconds / rfm.baseline.seconds)}`, `${int(rfm.steady.changed)} rows written`], widths),
    `check: ${rfm.source.split(" ")[0]} and the bare SQL give the same scores for every customer: ${rfm.check.ok ? "OK" : "FAILED"} ` +
      `(${int(rfm.check.stored)} stored, ${int(rfm.check.baseline)} by the baseline, ${rfm.check.missing} missing, ${rfm.check.other_scores} other scores, ${rfm.check.other_measures} other measures); ` +
      `steady state writes nothing: ${rfm.steady.writes_nothing ? "OK" : "FAILED"}`,
    goalLine("RFM (first run)", rfm.first.seconds, 60, rfm.baseline.seconds),
    goalLine("RFM (steady state)", rfm.steady.seconds, 60, rfm.baseline.seconds),
  )
  lines.push(
    "",
    `Segment refresh through ${segment.source === "workflows" ? "createSegmentWorkflow / refreshSegmentWorkflow" : "a STAND-IN for the segment workflows (they did not exist)"}; ` +
      `rule ${JSON.stringify(segment.rule)}: ${int(segment.preview.count)} customers (${fmt((100 * segment.preview.count) / result.customers, 1)}%)`,
    `between the first fill and the steady state: ${int(segment.changed.joiners)} customers placed a third order, ${int(segment.changed.leavers)} members ordered to 'de'`,
    row(["", "seconds", "vs baseline", "members / joined / left (baseline seconds: member set, all)"], widths),
    ...segment.runs.map((run) =>
      row(
        [
          run.name,
          fmt(run.seconds),
          `x${fmt(run.seconds / run.baseline.seconds)}`,
          `${int(run.member_count)} / ${int(run.joined)} / ${int(run.left)} (baseline ${fmt(run.baseline.members_seconds)}, ${fmt(run.baseline.seconds)})${run.ok ? "" : " CHECK FAILED"}`,
        ],
        widths
      )
    ),
    ...segment.runs.map(
      (run) =>
        `  ${run.name}: applySegmentMembers ${fmt(run.phases.apply_members)} s, segmentGroupDifference ${fmt(run.phases.group_difference)} s, ` +
        `group sync through linkCustomersToCustomerGroupWorkflow and the rest ${fmt(run.phases.group_sync_and_rest)} s`
    ),
    `check: after every refresh the segment's customer group equals the bare SQL's member set and its joined/left are the baseline's: ` +
      `${segment.runs.every((run) => run.ok) ? "OK" : "FAILED"}`,
    ...segment.runs.map((run) => goalLine(run.name, run.seconds, 30, run.baseline.seconds)),
  )
  if (result.group_sync) {
    lines.push("", `Where the group sync's time goes: ${int(result.group_sync.sample)} customers added to a fresh group, then removed`)
    lines.push(row(["", "add s", "add /s", "remove s, /s"], widths))
    for (const r of result.group_sync.rows) {
      const how = `${r.way}, chunks of ${int(r.chunk)}${r.in_flight > 1 ? `, ${r.in_flight} in flight` : ""}`
      lines.push(row([how, fmt(r.add_seconds), fmt(r.add_per_second, 0), `${fmt(r.remove_seconds, 3)}, ${fmt(r.remove_per_second, 0)}`], widths))
    }
  }
  lines.push("")
  return lines.join("\n")
}

async function main(cleanUp) {
  const loadBefore = loadAverage()
  const customers = num("BENCH_CUSTOMERS", 1_000_000)
  const orders = num("BENCH_ORDERS", 5_000_000)
  note(`medusa-plugin-crm segments benchmark; ${customers} customers, ${orders} orders; load average ${loadBefore} on ${os.cpus().length} cores`)

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
  const onCreate = (created) => !reuse && state.drop.push(created)
  const dataset = await prepareOrdersDataset({ connection, customers, orders, reuse, env, logDir, log: note, onCreate })

  // 2. This run's copy.
  const since = Date.now()
  const name = `crm_bench_${crypto.randomBytes(4).toString("hex")}`
  await cloneDatabase(connection, dataset.name, name)
  state.drop.unshift(name)
  note(`database ${name}: copy of ${dataset.name} in ${elapsed(since)}`)

  // 3. RFM, segment refreshes, baselines, checks.
  const result = await execScript("segments.ts", "BENCH_SEGMENTS_RESULT", {
    env: { ...env, DATABASE_URL: `${serverUrl(connection)}/${name}`, BENCH_NOW: dataset.dataset.anchor.toISOString() },
    logName: "segments.log",
  })

  // 4. Clean up, report.
  await cleanUp()
  const stamp = new Date().toISOString()
  const context = {
    date: stamp.slice(0, 16).replace("T", " "),
    loadBefore,
    loadAfter: loadAverage(),
    reused: dataset.reused,
    generate_seconds: dataset.generate_seconds ?? null,
    dataset: { name: dataset.name, anchor: dataset.dataset.anchor, generated_at: dataset.dataset.generated_at },
  }
  say(summary(result, context))
  note(`total ${elapsed()}`)
  const file = resultsFile("segments", stamp)
  fs.writeFileSync(file, `${JSON.stringify({ context, ...result }, null, 2)}\n`)
  note(`results: ${path.relative(root, file)}; logs: ${path.relative(root, logDir)}/`)
  if (!result.ok) process.exitCode = 1
}

runBenchmark(main, dropDatabases)
