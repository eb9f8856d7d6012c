/**
 * What a route asks of PostgreSQL, learned without knowing how the route is
 * written: a server with capture-sql.js preloaded records the statements of
 * one request per endpoint; then each read statement, with its recorded
 * values, gets EXPLAIN (ANALYZE, BUFFERS) and `runs` executions one at a
 * time. `measureRoutes` is the whole timed part of bench/tickets.js and
 * bench/surveys.js: checks, SQL, database side, load.
 */
"use strict"

const fs = require("fs")
const path = require("path")
const { withClient } = require("./dataset")
const { stopGroup } = require("./medusa")
const { logDir, envInt, startServer, fmt, note, elapsed, loadAverage } = require("./runner")
const { compareEndpoints, getJson, loginAdmin, percentile } = require("../read")

const captureDirOf = (name) => path.join(logDir, `${name}-sql`)

/** `medusa start` with capture-sql.js preloaded, recording into results/logs/<name>-sql/. */
async function startCapturingServer(env, name) {
  const folder = captureDirOf(name)
  fs.rmSync(folder, { recursive: true, force: true })
  return startServer(env, {
    logName: "server-capture.log",
    label: " (SQL capture preloaded)",
    extraEnv: {
      BENCH_CAPTURE_SQL: folder,
      NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "capture-sql.js")}`.trim(),
    },
  })
}

/**
 * One request to each of `paths` ({ name: path }) with x-bench-capture: the
 * statements it sent, as the preloaded capture-sql.js recorded them.
 */
async function captureStatements(baseUrl, headers, paths, name) {
  const captured = {}
  for (const [key, endpointPath] of Object.entries(paths)) {
    const file = path.join(captureDirOf(name), `${key}.json`)
    fs.rmSync(file, { force: true })
    const { status } = await getJson(baseUrl, endpointPath, { ...headers, "x-bench-capture": key })
    for (let tries = 0; tries < 100 && !fs.existsSync(file); tries++) await new Promise((resolve) => setTimeout(resolve, 50))
    if (!fs.existsSync(file)) throw new Error(`no SQL recorded for ${key} (status ${status}): is bench/lib/capture-sql.js preloaded?`)
    captured[key] = JSON.parse(fs.readFileSync(file, "utf8"))
  }
  return captured
}

/** EXPLAIN (ANALYZE, BUFFERS) of each read statement, then `runs` executions one at a time. */
async function databaseSide(connection, database, captured, runs) {
  return withClient(connection, database, async (client) => {
    const result = {}
    for (const [name, capture] of Object.entries(captured)) {
      const statements = []
      for (const statement of capture.statements) {
        const entry = { sql: statement.text, values: statement.values, in_request_ms: statement.ms }
        statements.push(entry)
        if (!/^\s*(select|with)\b/i.test(statement.text)) continue
        const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values)
        entry.plan = rows.map((row) => row["QUERY PLAN"]).join("\n")
        entry.execution_ms = Number(/Execution Time: ([\d.]+) ms/.exec(entry.plan)?.[1])
        for (let i = 0; i < 20; i++) await client.query(statement.text, statement.values)
        const latencies = new Float64Array(runs)
        for (let i = 0; i < runs; i++) {
          const start = process.hrtime.bigint()
          await client.query(statement.text, statement.values)
          latencies[i] = Number(process.hrtime.bigint() - start) / 1e6
        }
        latencies.sort()
        Object.assign(entry, { p50_ms: percentile(latencies, 50), p99_ms: percentile(latencies, 99) })
      }
      result[name] = { request_ms: capture.ms, status: capture.status, statements }
    }
    return result
  })
}

const oneLine = (sql, length = 110) => {
  const text = sql.replace(/\s+/g, " ").trim()
  return text.length > length ? `${text.slice(0, length - 3)}...` : text
}

/** The scans of a plan (what a slow statement is usually about). */
const scans = (plan) =>
  [...new Set((plan ?? "").split("\n").map((line) => /(?:->\s*)?((?:Parallel )?(?:Seq|Index|Index Only|Bitmap Heap|Bitmap Index) Scan(?: Backward)?(?: using \S+)? on \S+)/.exec(line)?.[1]).filter(Boolean))].join("; ")

/** The summary's lines for `databaseSide`'s result; `labels`: { name: label }. */
function databaseSideLines(db, labels, runs) {
  const lines = [`database side alone (the SQL one request sends, recorded in the server; each statement ${runs} runs one at a time, p50/p99 ms; EXPLAIN ANALYZE execution ms):`]
  for (const [name, side] of Object.entries(db)) {
    const reads = side.statements.filter((s) => s.p50_ms !== undefined)
    const sum = reads.reduce((total, s) => total + s.p50_ms, 0)
    lines.push(
      `  ${labels[name]}: request ${fmt(side.request_ms)} ms in the server (status ${side.status}); ${side.statements.length} statements, ` +
        `${fmt(side.statements.reduce((total, s) => total + (s.in_request_ms ?? 0), 0))} ms of them in the request; sum of p50s alone ${fmt(sum, 2)} ms`
    )
    side.statements.forEach((s, i) => {
      lines.push(
        s.p50_ms === undefined
          ? `    ${i + 1}. ${oneLine(s.sql)} (${fmt(s.in_request_ms, 2)} ms in the request)`
          : `    ${i + 1}. ${fmt(s.p50_ms, 2)}/${fmt(s.p99_ms, 2)} ms, execution ${fmt(s.execution_ms, 2)} ms, in the request ${fmt(s.in_request_ms, 2)} ms: ${oneLine(s.sql)}` +
              (scans(s.plan) ? `\n       ${scans(s.plan)}` : "")
      )
    })
  }
  return lines
}

/** `databaseSide`'s result without the plans (for the results JSON), and the plans as text (for the -plans.txt file). */
function splitPlans(db, labels) {
  const withoutPlans = db && Object.fromEntries(Object.entries(db).map(([key, side]) => [key, { ...side, statements: side.statements.map(({ plan, ...s }) => s) }]))
  const text = Object.entries(db ?? {})
    .flatMap(([key, side]) =>
      side.statements.filter((s) => s.plan).map((s, i) => `== ${labels[key]}, statement ${i + 1}\n${s.sql}\n-- values: ${JSON.stringify(s.values)}\n${s.plan}\n`)
    )
    .join("\n")
  return { withoutPlans, text }
}

/**
 * The timed part of an admin read benchmark, after the data:
 *   1. a server with the capture preloaded; `admin` logs in; `check({ baseUrl,
 *      headers, connection, database })` checks the answers before any timing
 *      and says which endpoints to measure ({ measured: [names], ok, problems, ... });
 *      one more request to each of those records its SQL; the server is stopped;
 *   2. the database side of each recorded statement (`databaseSide`,
 *      BENCH_DB_RUNS runs, 200);
 *   3. a second server, without the preload: `compareEndpoints` over them,
 *      BENCH_READ_CLIENTS (`clients`), BENCH_READ_REQUESTS (20000) and
 *      BENCH_READ_SECONDS (120). The server is stopped.
 * `endpoints`: { name: { path, label } }, the baseline first. Returns
 * { checks, db, read, dbRuns } (db and read null when nothing is measured).
 */
async function measureRoutes({ env, database, name, endpoints, admin, check, clients }) {
  const dbRuns = envInt("BENCH_DB_RUNS", 200)
  const { connection } = database.server
  let { handle, baseUrl } = await startCapturingServer(env, name)
  const headers = await loginAdmin(baseUrl, admin)
  const checks = await check({ baseUrl, headers, connection, database: database.name })
  note(`checks before timing: ${checks.ok ? "OK" : `FAILED: ${checks.problems.join("; ")}`}`)
  const paths = Object.fromEntries(checks.measured.map((key) => [key, endpoints[key].path]))
  const captured = checks.measured.length ? await captureStatements(baseUrl, headers, paths, name) : {}
  await stopGroup(handle)
  if (!checks.measured.length) return { checks, db: null, read: null, dbRuns }

  let since = Date.now()
  const db = await databaseSide(connection, database.name, captured, dbRuns)
  note(`database side: ${Object.entries(db).map(([key, side]) => `${key} ${side.statements.length} statements`).join(", ")}, ${dbRuns} runs each: ${elapsed(since)}`)

  ;({ handle, baseUrl } = await startServer(env))
  since = Date.now()
  const read = await compareEndpoints({
    baseUrl,
    endpoints: paths,
    headers,
    clients: envInt("BENCH_READ_CLIENTS", clients),
    requests: envInt("BENCH_READ_REQUESTS", 20_000),
    seconds: envInt("BENCH_READ_SECONDS", 120),
    log: note,
  })
  note(`read benchmark: ${elapsed(since)}; load average ${loadAverage()}`)
  await stopGroup(handle)
  return { checks, db, read, dbRuns }
}

/** { name: label } of `endpoints` ({ name: { label } }). */
const labelsOf = (endpoints) => Object.fromEntries(Object.entries(endpoints).map(([key, endpoint]) => [key, endpoint.label]))

module.exports = { measureRoutes, labelsOf, startCapturingServer, captureStatements, databaseSide, databaseSideLines, splitPlans, scans, oneLine }
