/**
 * What the benchmark runners share: their knobs and output, a clean-up that
 * runs once (also on Ctrl-C) and stops the Medusa processes before the
 * databases go, a fresh migrated database per run, `medusa exec` of a
 * seeding script that reports one JSON line, `medusa start` on a free port,
 * and the results file.
 */
"use strict"

const fs = require("fs")
const os = require("os")
const path = require("path")
const { createRunDatabase, dropRunDatabase, medusaEnvFor } = require("./run-database")
const { root, runMedusa, runMedusaToEnd, stopAll, cleanUpOnSignals, waitForHealth, freePort } = require("./medusa")

const logDir = path.join(root, "bench", "results", "logs")
const keep = process.env.BENCH_KEEP === "1"

/** A positive whole number from the environment, else `fallback`. */
function envInt(name, fallback) {
  const value = Number(process.env[name] || fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}

const say = (line = "") => process.stdout.write(`${line}\n`)
const note = (line) => say(`[bench] ${line}`)
const startedAt = Date.now()
const elapsed = (since = startedAt) => `${((Date.now() - since) / 1000).toFixed(1)} s`
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(" ")
const fmt = (value, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? "-" : Number(value).toFixed(digits))
const row = (cells, widths) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ")

/**
 * Runs `main(cleanUp)`. `cleanUp(reason?)` runs once, whoever calls it
 * first (`main` when done, Ctrl-C, a failure): it stops every Medusa process
 * the benchmark started, then runs `release` (dropping its databases).
 * A failure of `main` is printed, cleaned up after, and exits 1.
 */
function runBenchmark(main, release) {
  let stopping = null
  const cleanUp = (reason) => {
    stopping ??= (async () => {
      if (reason) note(reason)
      await stopAll()
      await release()
    })()
    return stopping
  }
  cleanUpOnSignals(cleanUp, () => stopping)
  main(cleanUp).catch(async (error) => {
    console.error(`\n[bench] ${error.stack || error}\n`)
    await cleanUp().catch((stopError) => console.error(stopError))
    process.exit(1)
  })
}

/**
 * `runBenchmark` on a fresh database crm_bench_<random> (see
 * run-database.js) migrated with `medusa db:migrate`:
 * `main({ database, env, cleanUp })`, `env` being Medusa's environment
 * against it. The clean-up drops it, unless BENCH_KEEP=1.
 */
function runOnFreshDatabase(main) {
  let database = null
  const release = async () => {
    const dropping = database
    database = null
    if (dropping) await dropRunDatabase(dropping, { keep, log: note })
  }
  runBenchmark(async (cleanUp) => {
    database = await createRunDatabase({ embeddedPort: envInt("BENCH_PG_PORT", 54330), log: note })
    const env = medusaEnvFor(database.url)
    const since = Date.now()
    await runMedusaToEnd(["db:migrate"], { env, logFile: path.join(logDir, "migrate.log") })
    note(`medusa db:migrate: ${elapsed(since)}`)
    await main({ database, env, cleanUp })
  }, release)
}

/**
 * `medusa exec ./bench/<script>` to its end, its `[bench]` lines echoed and
 * its output in results/logs/<logName>; returns the JSON of its
 * `<marker> {...}` line.
 */
async function execScript(script, marker, { env, logName }) {
  const since = Date.now()
  const lines = await runMedusaToEnd(["exec", `./bench/${script}`], {
    env,
    logFile: path.join(logDir, logName),
    onLine: (line) => line.startsWith("[bench]") && say(line),
  })
  const resultLine = lines.find((line) => line.startsWith(`${marker} `))
  if (!resultLine) throw new Error(`bench/${script} printed no ${marker} line (see bench/results/logs/${logName})`)
  note(`medusa exec bench/${script}: ${elapsed(since)}; load average ${loadAverage()}`)
  return JSON.parse(resultLine.slice(marker.length + 1))
}

/**
 * `medusa start` (NODE_ENV=development, plus `extraEnv`) on the first free
 * port from BENCH_PORT (9400), once /health answers: { handle, baseUrl }.
 */
async function startServer(env, { logName = "server.log", extraEnv = {}, label = "" } = {}) {
  const port = await freePort(envInt("BENCH_PORT", 9400))
  const baseUrl = `http://localhost:${port}`
  const since = Date.now()
  const handle = runMedusa(["start", "--port", String(port)], {
    env: { ...env, NODE_ENV: "development", PORT: String(port), ...extraEnv },
    logFile: path.join(logDir, logName),
  })
  await waitForHealth(baseUrl, handle)
  note(`medusa start on port ${port}${label}: /health after ${elapsed(since)}`)
  return { handle, baseUrl }
}

/** bench/results/<prefix>-<stamp>.json (its folder made). */
function resultsFile(prefix, stamp) {
  const folder = path.join(root, "bench", "results")
  fs.mkdirSync(folder, { recursive: true })
  return path.join(folder, `${prefix}-${stamp.replace(/[:.]/g, "-")}.json`)
}

module.exports = {
  logDir,
  keep,
  envInt,
  say,
  note,
  elapsed,
  loadAverage,
  fmt,
  row,
  runBenchmark,
  runOnFreshDatabase,
  execScript,
  startServer,
  resultsFile,
}
