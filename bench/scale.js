#!/usr/bin/env node
/**
 * `npm run bench:scale`: how fast `worker` processes of the dev store earn
 * the points of a burst of `order.placed` events from Medusa's Redis event
 * bus, with one worker against two on the same burst (see bench/README.md).
 *
 *   1. A fresh database crm_bench_<random> (as bench:points),
 *      `medusa db:migrate`, then `medusa exec ./bench/scale-seed.ts` without
 *      Redis: a shop, BENCH_CUSTOMERS members, BENCH_ORDERS orders with
 *      nothing recorded for them yet. Never written to again.
 *   2. `medusa exec ./bench/scale-profile.ts` on a copy of it, with the Redis
 *      modules: one event's time, part by part, and whole events 1, 2 and 4
 *      in flight in one process (BENCH_PROFILE=0 skips it).
 *   3. Each measured run, on its own copy (CREATE DATABASE ... TEMPLATE) and
 *      an emptied Redis database: `medusa exec ./bench/scale-emit.ts` queues
 *      `order.placed` for every order; then 1 or 2 `medusa start` processes
 *      with MEDUSA_WORKER_MODE=worker (scheduled jobs off, so only the events
 *      earn). Measured from the moment every worker answers /health to the
 *      moment every order has its earn entry: orders/s, and the CPU time of
 *      the workers, PostgreSQL and Redis over that window (/proc). Then the
 *      workers are stopped and the ledger checked. Runs go 1, 2 workers; with
 *      BENCH_ROUNDS=2, 1, 2, 2, 1, and so on.
 *   4. Drops the databases (kept with BENCH_KEEP=1), empties the Redis
 *      database, prints a summary and writes it to bench/results/scale-<time>.json.
 *
 * Needs Redis (REDIS_URL, else redis://127.0.0.1:6379; database BENCH_REDIS_DB,
 * 14, is emptied). Do not run it beside another Medusa cluster (npm run
 * test:scale): they share the two cores and the figures mean nothing.
 *
 * Knobs (environment): BENCH_ORDERS (5000), BENCH_CUSTOMERS (1000),
 * BENCH_ROUNDS (1), BENCH_PROFILE (1; 0 skips), BENCH_PROFILE_ORDERS (200),
 * BENCH_RUN_TIMEOUT (1800 s per run), BENCH_REDIS_DB (14), BENCH_PORT (9400),
 * BENCH_KEEP=1.
 */
"use strict"

const fs = require("fs")
const os = require("os")
const path = require("path")
const { execFileSync } = require("child_process")
const { Client } = require("pg")
const { serverUrl } = require("../scripts/lib/database")
const { DEFAULT_REDIS_URL, flushRedisDatabase, redisAnswers } = require("../scripts/lib/redis")
const { cloneDatabase, dropDatabase } = require("./lib/dataset")
const { root, runMedusa, runMedusaToEnd, stopGroup, freePort, waitForHealth } = require("./lib/medusa")
const { busiestProcesses, cpuSnapshot, cpuSecondsBetween } = require("./lib/proc-cpu")
const { createRunDatabase, dropRunDatabase, medusaEnvFor } = require("./lib/run-database")
const { logDir, keep, envInt: num, say, note, elapsed, loadAverage, fmt, row, runBenchmark, execScript, resultsFile } = require("./lib/runner")

const ORDERS = num("BENCH_ORDERS", 5000)
const CUSTOMERS = Math.min(num("BENCH_CUSTOMERS", 1000), ORDERS)
const ROUNDS = num("BENCH_ROUNDS", 1)
const PROFILE = process.env.BENCH_PROFILE !== "0"
const RUN_TIMEOUT_S = num("BENCH_RUN_TIMEOUT", 1800)
const redisUrl = (() => {
  const url = new URL(process.env.REDIS_URL || DEFAULT_REDIS_URL)
  url.pathname = `/${process.env.BENCH_REDIS_DB || "14"}`
  return url.toString()
})()

const state = { template: null, copies: [], redisUsed: false }
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const int = (value) => Number(value).toLocaleString("en-US")

async function release() {
  const template = state.template
  state.template = null
  if (!template) return
  for (const name of state.copies.splice(0)) {
    if (keep) {
      note(`BENCH_KEEP=1: database ${name} kept (${serverUrl(template.server.connection)}/${name})`)
    } else {
      await dropDatabase(template.server.connection, name)
      note(`database ${name} dropped`)
    }
  }
  await dropRunDatabase(template, { keep, log: note })
  if (state.redisUsed) await flushRedisDatabase(redisUrl)
}

/** A copy of the seeded database for one step: { name, url }. */
async function copyOfTemplate(suffix) {
  const { server, name: template } = state.template
  const name = `${template}_${suffix}`
  const since = Date.now()
  // The seeding process's connections may take a moment to go; the template must have none.
  for (let attempt = 1; ; attempt++) {
    try {
      await cloneDatabase(server.connection, template, name)
      break
    } catch (error) {
      if (attempt === 10 || !/being accessed by other users/.test(error.message)) throw error
      await sleep(1000)
    }
  }
  state.copies.push(name)
  note(`database ${name}: copy of ${template} in ${elapsed(since)}`)
  return { name, url: `${serverUrl(server.connection)}/${name}` }
}

async function dropCopy(name) {
  if (keep) return
  state.copies.splice(state.copies.indexOf(name), 1)
  await dropDatabase(state.template.server.connection, name)
}

/** `medusa start` processes of the dev store already running on this machine (another cluster, a dev server). */
function otherMedusaProcesses() {
  try {
    return execFileSync("pgrep", ["-f", "cli.js start"], { encoding: "utf8" }).trim().split("\n").filter(Boolean)
  } catch {
    return []
  }
}

/** The workers' logs: events each processed, subscriber failures, scheduled-job runs (must be none). */
function workerLogFacts(logFile) {
  const lines = fs.readFileSync(logFile, "utf8").split("\n")
  const count = (pattern) => lines.filter((line) => pattern.test(line)).length
  return {
    events: count(/Processing order\.placed/),
    retries: count(/Retrying order\.placed/),
    subscriber_errors: count(/An error occurred while processing order\.placed/),
    job_runs: count(/crm: job \S+ tick \S+ started/),
  }
}

/** Earn entries, orders without exactly one, accounts whose balances are not the sums of their entries. */
async function ledgerChecks(db) {
  const {
    rows: [counts],
  } = await db.query(
    `SELECT (SELECT count(*)::int FROM crm_loyalty_entry WHERE type = 'earn' AND source_type = 'order') AS entries,
            (SELECT count(*)::int FROM "order" o
              WHERE (SELECT count(*) FROM crm_loyalty_entry e WHERE e.type = 'earn' AND e.source_type = 'order' AND e.source_id = o.id) <> 1) AS orders_without_one`
  )
  const { rows: unbalanced } = await db.query(
    `SELECT a.id FROM crm_loyalty_account a
       LEFT JOIN (SELECT account_id, sum(points)::int AS points, sum(pending_delta)::int AS pending, sum(held_delta)::int AS held
                    FROM crm_loyalty_entry GROUP BY account_id) e ON e.account_id = a.id
      WHERE a.deleted_at IS NULL
        AND (a.points_balance <> coalesce(e.points, 0) OR a.pending_points <> coalesce(e.pending, 0) OR a.held_points <> coalesce(e.held, 0))`
  )
  return { earn_entries: counts.entries, orders_without_exactly_one_earn: counts.orders_without_one, accounts_out_of_balance: unbalanced.length }
}

/**
 * One measured run: a fresh copy, the burst queued, `workers` worker
 * processes started together, timed from all of them answering /health to
 * the last order's earn entry.
 */
async function measuredRun(index, workers, env) {
  const copy = await copyOfTemplate(`run${index}`)
  await flushRedisDatabase(redisUrl)
  const runEnv = { ...env, DATABASE_URL: copy.url, REDIS_URL: redisUrl }
  const emit = await execScript("scale-emit.ts", "BENCH_SCALE_EMIT", { env: runEnv, logName: `scale-emit-${index}.log` })

  const db = new Client({ connectionString: copy.url })
  await db.connect()
  const earned = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM crm_loyalty_entry WHERE type = 'earn' AND source_type = 'order'`)).rows[0].n

  const processes = []
  let port = num("BENCH_PORT", 9400)
  const bootStarted = Date.now()
  for (let w = 1; w <= workers; w++) {
    port = await freePort(port)
    const logFile = path.join(logDir, `scale-run${index}-worker-${w}.log`)
    const handle = runMedusa(["start", "--port", String(port)], {
      env: {
        ...runEnv,
        NODE_ENV: "development",
        PORT: String(port),
        MEDUSA_WORKER_MODE: "worker",
        CRM_SCHEDULED_JOBS: "off",
        LOG_LEVEL: "info",
      },
      logFile,
    })
    processes.push({ name: `worker-${w}`, port, handle, logFile })
    port += 1
  }
  let exited = null
  for (const worker of processes) worker.handle.done.then(() => (exited ??= worker.name))
  await Promise.all(processes.map((worker) => waitForHealth(`http://localhost:${worker.port}`, worker.handle, { timeoutMs: 300_000 })))
  const readyAt = Date.now()
  const before = cpuSnapshot()
  const earnedAtReady = await earned()
  note(`run ${index}: ${workers} worker(s) answered /health ${elapsed(bootStarted)} after start; ${int(earnedAtReady)} orders already earned`)

  let count = earnedAtReady
  let lastNote = readyAt
  while (count < ORDERS) {
    if (exited) throw new Error(`${exited} exited during run ${index} (see ${path.relative(root, logDir)}/)`)
    if (Date.now() - readyAt > RUN_TIMEOUT_S * 1000) {
      throw new Error(`run ${index}: ${int(count)} of ${int(ORDERS)} orders earned after BENCH_RUN_TIMEOUT (${RUN_TIMEOUT_S} s)`)
    }
    await sleep(250)
    count = await earned()
    if (Date.now() - lastNote >= 15_000) {
      lastNote = Date.now()
      note(`  ${int(count)} earned, ${fmt((count - earnedAtReady) / ((lastNote - readyAt) / 1000))} orders/s so far`)
    }
  }
  const doneAt = Date.now()
  const after = cpuSnapshot()
  const { rows: backendRows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [copy.name])
  const backends = new Set(backendRows.map((r) => r.pid))

  const groups = new Set(processes.map((worker) => worker.handle.pid))
  const seconds = (doneAt - readyAt) / 1000
  const measured = ORDERS - earnedAtReady
  const isWorker = (p) => groups.has(p.pgrp)
  const isPostgres = (p) => p.name === "postgres"
  const isRedis = (p) => p.name.startsWith("redis-server")
  const cpu = {
    window_s: seconds,
    workers: cpuSecondsBetween(before, after, isWorker),
    postgres_this_database: cpuSecondsBetween(before, after, (p) => backends.has(p.pid)),
    postgres_all: cpuSecondsBetween(before, after, isPostgres),
    redis: cpuSecondsBetween(before, after, isRedis),
    machine_busy: after.machine.busy - before.machine.busy,
    machine_idle: after.machine.idle - before.machine.idle,
  }
  cpu.other = Math.max(0, cpu.machine_busy - cpu.workers - cpu.postgres_all - cpu.redis)
  // Resident memory of each worker (its whole process group) at the end of the window.
  const workerMemoryMb = processes.map(
    (worker) => [...after.processes.values()].filter((p) => p.pgrp === worker.handle.pid).reduce((sum, p) => sum + p.rssBytes, 0) / 2 ** 20
  )
  // Whatever else ran on the machine meanwhile (other sessions' tests, say), to judge the figures by.
  cpu.busiest_other = busiestProcesses(before, after, (p) => !isWorker(p) && !isPostgres(p) && !isRedis(p), 3).map(
    ({ command, seconds: used }) => ({ command, cores: used / seconds })
  )

  await Promise.all(processes.map((worker) => stopGroup(worker.handle)))
  const checks = await ledgerChecks(db)
  await db.end()
  const logs = Object.fromEntries(processes.map((worker) => [worker.name, workerLogFacts(worker.logFile)]))
  checks.job_runs = Object.values(logs).reduce((sum, facts) => sum + facts.job_runs, 0)
  checks.ok =
    checks.earn_entries === ORDERS && checks.orders_without_exactly_one_earn === 0 && checks.accounts_out_of_balance === 0 && checks.job_runs === 0
  await dropCopy(copy.name)
  await flushRedisDatabase(redisUrl)

  const result = {
    run: index,
    workers,
    emit_seconds: emit.seconds,
    boot_seconds: (readyAt - bootStarted) / 1000,
    earned_before_ready: earnedAtReady,
    measured_orders: measured,
    worker_rss_mb: workerMemoryMb,
    seconds,
    orders_per_s: measured / seconds,
    cpu,
    logs,
    checks,
  }
  note(
    `run ${index}, ${workers} worker(s): ${int(measured)} orders in ${fmt(seconds)} s = ${fmt(result.orders_per_s)} orders/s; ` +
      `CPU: workers ${fmt(cpu.workers / seconds, 2)}, PostgreSQL ${fmt(cpu.postgres_all / seconds, 2)} cores; checks ${checks.ok ? "OK" : "FAILED"}`
  )
  return result
}

/** Runs in order: 1, 2 workers for one round; 1, 2, 2, 1 for two; and so on (drift shows in both). */
function runOrder(rounds) {
  return Array.from({ length: rounds }, (_, round) => (round % 2 === 0 ? [1, 2] : [2, 1])).flat()
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length

function summary(result, context) {
  const { runs, profile } = result
  const cores = os.cpus().length
  const lines = [
    "",
    `Scale-out earn benchmark (${context.date}; ${cores} cores; load average ${context.loadBefore} before, ${context.loadAfter} after)`,
    `${int(ORDERS)} order.placed events queued in Redis before the workers start; ${int(CUSTOMERS)} members; ` +
      `event-bus-redis with its default BullMQ worker concurrency (1 event at a time per worker process)`,
  ]
  if (context.otherMedusa.length) {
    lines.push(`WARNING: ${context.otherMedusa.length} other medusa start process(es) ran on the machine at the start: figures unreliable`)
  }
  const widths = [5, 8, 9, 14, 10, 9, 10, 20, 16, 8]
  lines.push(
    "",
    row(["run", "workers", "boot s", "before ready", "measured", "seconds", "orders/s", "events per worker", "RSS per worker", "checks"], widths),
    ...runs.map((run) =>
      row(
        [
          run.run,
          run.workers,
          fmt(run.boot_seconds),
          int(run.earned_before_ready),
          int(run.measured_orders),
          fmt(run.seconds),
          fmt(run.orders_per_s),
          Object.values(run.logs).map((facts) => int(facts.events)).join(" / "),
          run.worker_rss_mb.map((mb) => `${fmt(mb, 0)} MB`).join(" / "),
          run.checks.ok ? "OK" : "FAILED",
        ],
        widths
      )
    ),
    "",
    `two workers / one worker: x${fmt(result.ratio, 2)} (orders/s ${fmt(result.rate_1)} -> ${fmt(result.rate_2)})`,
    "",
    `CPU over each measured window, in cores (of ${cores}) and ms per order`
  )
  const cpuWidths = [5, 8, 16, 22, 18, 8, 8, 8]
  lines.push(row(["run", "workers", "workers", "PostgreSQL (this db)", "PostgreSQL (all)", "Redis", "other", "idle"], cpuWidths))
  for (const run of runs) {
    const { cpu } = run
    const cell = (seconds) => `${fmt(seconds / cpu.window_s, 2)} / ${fmt((seconds * 1000) / run.measured_orders, 1)}`
    lines.push(
      row(
        [
          run.run,
          run.workers,
          cell(cpu.workers),
          cell(cpu.postgres_this_database),
          cell(cpu.postgres_all),
          fmt(cpu.redis / cpu.window_s, 2),
          fmt(cpu.other / cpu.window_s, 2),
          fmt(cpu.machine_idle / cpu.window_s, 2),
        ],
        cpuWidths
      )
    )
  }
  for (const run of runs) {
    const others = run.cpu.busiest_other.filter((entry) => entry.cores >= 0.05)
    if (others.length) {
      lines.push(`  run ${run.run}, busiest other processes: ${others.map((entry) => `${fmt(entry.cores, 2)} ${entry.command.slice(0, 70)}`).join("; ")}`)
    }
  }
  if (profile) {
    lines.push(
      "",
      `One process, no event bus (bench/scale-profile.ts): the plugin's order.placed subscribers called directly, ${profile.events_per_set} events per set`,
      row(["part, one event at a time", "mean ms", "p50", "p99"], [44, 9, 9, 9]),
      ...Object.entries(profile.parts).map(([part, s]) =>
        row([PROFILE_PARTS[part] ?? part, fmt(s.mean), fmt(s.p50), fmt(s.p99)], [44, 9, 9, 9])
      ),
      row(["whole events (both subscribers)", "orders/s", "mean ms", "Node CPU ms", "PG CPU ms"], [44, 9, 9, 12, 9]),
      ...profile.whole.map((set) =>
        row(
          [`${set.in_flight} in flight`, fmt(set.orders_per_s), fmt(set.event_ms.mean), fmt(set.node_cpu_ms_per_event), fmt(set.postgres_cpu_ms_per_event)],
          [44, 9, 9, 12, 9]
        )
      )
    )
  }
  lines.push(
    "",
    `ledger checks: ${runs.every((run) => run.checks.ok) ? "OK" : "FAILED"} (every order exactly one earn entry, ` +
      `every balance the sum of its entries, no scheduled job ran in a worker)`,
    ""
  )
  return lines.join("\n")
}

const PROFILE_PARTS = {
  facts: "order facts (recordOrderFactsWorkflow)",
  tiers: "upgrade check (upgradeTiers)",
  earn: "points (earnOrderPointsWorkflow)",
  settings: "settings read",
  redeem: "other subscriber (redeemOrderPointsWorkflow)",
}

async function main(cleanUp) {
  const loadBefore = loadAverage()
  const otherMedusa = otherMedusaProcesses()
  note(`medusa-plugin-crm scale-out earn benchmark; ${ORDERS} orders, ${CUSTOMERS} members; load average ${loadBefore} on ${os.cpus().length} cores`)
  if (otherMedusa.length) {
    note(`WARNING: other medusa start processes are running (pids ${otherMedusa.join(", ")}): they share the cores, the figures will be off`)
  }
  if (!(await redisAnswers(redisUrl))) {
    throw new Error(`bench:scale needs Redis: nothing answers at ${redisUrl} (start redis-server or set REDIS_URL)`)
  }
  note(`Redis ${redisUrl} (emptied before each step and at the end)`)

  // 1. The seeded database every step copies.
  const template = await createRunDatabase({ embeddedPort: num("BENCH_PG_PORT", 54330), log: note })
  state.template = template
  state.redisUsed = true
  const env = medusaEnvFor(template.url)
  let since = Date.now()
  await runMedusaToEnd(["db:migrate"], { env, logFile: path.join(logDir, "migrate.log") })
  note(`medusa db:migrate: ${elapsed(since)}`)
  const seed = await execScript("scale-seed.ts", "BENCH_SCALE_SEED", { env, logName: "scale-seed.log" })

  // 2. Where one event's time goes.
  let profile = null
  if (PROFILE) {
    const copy = await copyOfTemplate("profile")
    await flushRedisDatabase(redisUrl)
    profile = await execScript("scale-profile.ts", "BENCH_SCALE_PROFILE", {
      env: { ...env, DATABASE_URL: copy.url, REDIS_URL: redisUrl },
      logName: "scale-profile.log",
    })
    await dropCopy(copy.name)
  }

  // 3. The measured runs.
  const runs = []
  for (const [index, workers] of runOrder(ROUNDS).entries()) {
    runs.push(await measuredRun(index + 1, workers, env))
  }

  // 4. Clean up, report.
  await cleanUp()
  const rate = (workers) => mean(runs.filter((run) => run.workers === workers).map((run) => run.orders_per_s))
  const result = { orders: ORDERS, customers: CUSTOMERS, seed, profile, runs, rate_1: rate(1), rate_2: rate(2) }
  result.ratio = result.rate_2 / result.rate_1
  const stamp = new Date().toISOString()
  const context = { date: stamp.slice(0, 16).replace("T", " "), loadBefore, loadAfter: loadAverage(), otherMedusa }
  say(summary(result, context))
  note(`total ${elapsed()}`)
  const file = resultsFile("scale", stamp)
  fs.writeFileSync(file, `${JSON.stringify({ context, ...result }, null, 2)}\n`)
  note(`results: ${path.relative(root, file)}; logs: ${path.relative(root, logDir)}/`)
  if (!runs.every((run) => run.checks.ok)) process.exitCode = 1
}

runBenchmark(main, release)
