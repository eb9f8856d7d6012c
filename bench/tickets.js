#!/usr/bin/env node
/**
 * `npm run bench:tickets`: the staff inbox (open and reopened tickets by due
 * time, first page, with the counts) with 200,000 tickets, against Medusa's
 * own GET /admin/orders first page (see bench/README.md). Goal: p99 within
 * 1.5x at 16 concurrent admin clients.
 *
 *   1. A fresh database crm_bench_<random> (bench/lib/run-database.js),
 *      `medusa db:migrate` with the repository's medusa-config.ts.
 *   2. `medusa exec ./bench/tickets.ts`: shop, admin user, customers, orders,
 *      BENCH_TICKETS tickets in one INSERT ... SELECT, messages, VACUUM (ANALYZE).
 *   3. `medusa start` with bench/lib/capture-sql.js preloaded; the admin logs
 *      in (POST /auth/user/emailpass); each endpoint is checked (200, counts,
 *      the inbox page against SQL); one more request to each records the SQL
 *      it sends. The server is stopped.
 *   4. The database side alone: EXPLAIN (ANALYZE, BUFFERS) of each recorded
 *      statement and BENCH_DB_RUNS executions of it one at a time.
 *   5. `medusa start` again, without the preload: bench/read.js's load
 *      generator, GET /admin/orders?limit=20 against the inbox.
 *   6. Drops the database (kept with BENCH_KEEP=1), prints a summary and
 *      writes bench/results/tickets-<time>.json and -plans.txt.
 *
 * Knobs (environment): BENCH_TICKETS (200000), BENCH_CUSTOMERS (20000),
 * BENCH_ORDERS (20000), BENCH_TICKET_MESSAGES (20000), BENCH_DB_RUNS (200),
 * BENCH_READ_CLIENTS (16), BENCH_READ_REQUESTS (20000 per endpoint),
 * BENCH_READ_SECONDS (120 per endpoint: the baseline manages ~25 requests a
 * second, and a p99 wants a few thousand), BENCH_PORT (first port tried, 9400),
 * BENCH_KEEP=1.
 */
"use strict"

const fs = require("fs")
const os = require("os")
const path = require("path")
const { createRunDatabase, dropRunDatabase, medusaEnvFor } = require("./lib/run-database")
const { root, runMedusa, runMedusaToEnd, stopGroup, stopAll, cleanUpOnSignals, waitForHealth, freePort } = require("./lib/medusa")
const { withClient } = require("./lib/dataset")
const { compareEndpoints, call } = require("./read")

const logDir = path.join(root, "bench", "results", "logs")
const captureDir = path.join(logDir, "tickets-sql")
const keep = process.env.BENCH_KEEP === "1"
const num = (name, fallback) => {
  const value = Number(process.env[name] || fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`)
  return value
}
const say = (line = "") => process.stdout.write(`${line}\n`)
const note = (line) => say(`[bench] ${line}`)
const startedAt = Date.now()
const elapsed = (since = startedAt) => `${((Date.now() - since) / 1000).toFixed(1)} s`
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(" ")
const INBOX_STATUSES = ["open", "reopened"]
const STATUSES = ["open", "pending_customer", "resolved", "closed", "reopened"]

const state = { database: null, stopping: null }

async function dropOurDatabase() {
  const database = state.database
  if (!database) return
  state.database = null
  await dropRunDatabase(database, { keep, log: note })
}

function cleanUp(reason) {
  state.stopping ??= (async () => {
    if (reason) note(reason)
    await stopAll()
    await dropOurDatabase()
  })()
  return state.stopping
}

cleanUpOnSignals(cleanUp, () => state.stopping)

/** The measured endpoints, the baseline first. */
const ENDPOINTS = {
  orders: { path: "/admin/orders?limit=20", label: "GET /admin/orders?limit=20 (baseline)" },
  inbox: { path: "/admin/tickets?status[]=open&status[]=reopened&order=due&limit=20", label: "GET /admin/tickets (inbox: open+reopened, due, 20)" },
}

/** `medusa start` on a free port; with `capture`, the SQL of requests with x-bench-capture is recorded (bench/lib/capture-sql.js). */
async function startServer(env, { capture, logName }) {
  const port = await freePort(num("BENCH_PORT", 9400))
  const baseUrl = `http://localhost:${port}`
  const since = Date.now()
  const serverEnv = { ...env, NODE_ENV: "development", PORT: String(port) }
  if (capture) {
    fs.rmSync(captureDir, { recursive: true, force: true })
    serverEnv.BENCH_CAPTURE_SQL = captureDir
    serverEnv.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "lib", "capture-sql.js")}`.trim()
  }
  const handle = runMedusa(["start", "--port", String(port)], { env: serverEnv, logFile: path.join(logDir, logName) })
  await waitForHealth(baseUrl, handle)
  note(`medusa start on port ${port}${capture ? " (SQL capture preloaded)" : ""}: /health after ${elapsed(since)}`)
  return { handle, baseUrl }
}

async function login(baseUrl, admin) {
  const { token } = await call(baseUrl, "POST", "/auth/user/emailpass", { body: { email: admin.email, password: admin.password } })
  if (!token) throw new Error("POST /auth/user/emailpass answered no token")
  return { authorization: `Bearer ${token}` }
}

/** GET that resolves with { status, body } instead of throwing on a non-200. */
async function get(baseUrl, pathWithQuery, headers) {
  const response = await fetch(`${baseUrl}${pathWithQuery}`, { headers, signal: AbortSignal.timeout(30_000) })
  return { status: response.status, body: await response.json().catch(() => null) }
}

const sqlCount = (client, where, values = []) =>
  client.query(`SELECT count(*)::int AS n FROM crm_ticket WHERE deleted_at IS NULL AND ${where}`, values).then(({ rows }) => rows[0].n)

/**
 * Before timing. The baseline: 200, 20 orders, its count = the orders in the
 * database. The inbox: 200; count = open and reopened rows; its page = the
 * same page read with SQL (next_due_at ascending, nulls last, id), so its
 * first row is the most urgent one; status_counts = SQL's count per status;
 * overdue_count = SQL's count of running due times before the request's time;
 * each row's customer and order are the ones it refers to.
 */
async function checkEndpoints({ baseUrl, headers, setup, connection, database }) {
  const problems = []
  const expect = (ok, what) => !ok && problems.push(what)
  const pages = {}

  const orders = await get(baseUrl, ENDPOINTS.orders.path, headers)
  const orderCount = await withClient(connection, database, (client) =>
    client.query(`SELECT count(*)::int AS n FROM "order" WHERE deleted_at IS NULL AND is_draft_order = false`).then(({ rows }) => rows[0].n)
  )
  expect(orders.status === 200, `${ENDPOINTS.orders.path}: answered ${orders.status} ${JSON.stringify(orders.body)?.slice(0, 300)}`)
  expect(orders.body?.orders?.length === 20, `${ENDPOINTS.orders.path}: ${orders.body?.orders?.length} orders on the page`)
  expect(orders.body?.count === orderCount, `${ENDPOINTS.orders.path}: count ${orders.body?.count}, ${orderCount} orders in the database`)
  pages.orders = { status: orders.status, count: orders.body?.count, rows: orders.body?.orders?.length, bytes: JSON.stringify(orders.body ?? null).length }

  const before = new Date()
  const inbox = await get(baseUrl, ENDPOINTS.inbox.path, headers)
  const after = new Date()
  pages.inbox = { status: inbox.status, bytes: JSON.stringify(inbox.body ?? null).length }
  if (inbox.status === 404) {
    problems.push(`${ENDPOINTS.inbox.path}: 404, the route is not there (yet)`)
    return { ok: false, inboxMissing: true, problems, pages }
  }
  expect(inbox.status === 200, `${ENDPOINTS.inbox.path}: answered ${inbox.status} ${JSON.stringify(inbox.body)?.slice(0, 300)}`)
  if (inbox.status !== 200) return { ok: false, problems, pages }

  const body = inbox.body
  const sql = await withClient(connection, database, async (client) => {
    const { rows: page } = await client.query(
      `SELECT id, next_due_at FROM crm_ticket WHERE deleted_at IS NULL AND status = ANY($1)
        ORDER BY next_due_at ASC NULLS LAST, id ASC LIMIT 20`,
      [INBOX_STATUSES]
    )
    const { rows: perStatus } = await client.query(`SELECT status, count(*)::int AS n FROM crm_ticket WHERE deleted_at IS NULL GROUP BY status`)
    const overdue = (at) => sqlCount(client, `status = ANY($1) AND next_due_at < $2`, [INBOX_STATUSES, at])
    const { rows: links } = await client.query(
      `SELECT t.id, t.customer_id, c.email, t.order_id, o.display_id
         FROM crm_ticket t LEFT JOIN customer c ON c.id = t.customer_id LEFT JOIN "order" o ON o.id = t.order_id
        WHERE t.id = ANY($1)`,
      [(body.tickets ?? []).map((ticket) => ticket.id)]
    )
    return {
      ids: page.map((row) => row.id),
      first_due: page[0]?.next_due_at,
      count: await sqlCount(client, `status = ANY($1)`, [INBOX_STATUSES]),
      status_counts: Object.fromEntries(STATUSES.map((status) => [status, perStatus.find((row) => row.status === status)?.n ?? 0])),
      overdue_before: await overdue(before),
      overdue_after: await overdue(after),
      links: new Map(links.map((row) => [row.id, row])),
    }
  })
  const got = (body.tickets ?? []).map((ticket) => ticket.id)
  expect(body.limit === 20 && body.offset === 0, `inbox: limit ${body.limit}, offset ${body.offset}`)
  expect(body.count === sql.count, `inbox: count ${body.count}, SQL counts ${sql.count} open or reopened tickets`)
  expect(got[0] === sql.ids[0], `inbox: first row ${got[0]}, SQL's most urgent open/reopened ticket is ${sql.ids[0]} (next_due_at ${sql.first_due?.toISOString()})`)
  expect(JSON.stringify(got) === JSON.stringify(sql.ids), `inbox: page ${got.slice(0, 3).join(",")}... (${got.length}) is not the SQL page ${sql.ids.slice(0, 3).join(",")}... (${sql.ids.length})`)
  expect(
    STATUSES.every((status) => body.status_counts?.[status] === sql.status_counts[status]),
    `inbox: status_counts ${JSON.stringify(body.status_counts)}, SQL ${JSON.stringify(sql.status_counts)}`
  )
  expect(
    body.overdue_count >= sql.overdue_before && body.overdue_count <= sql.overdue_after,
    `inbox: overdue_count ${body.overdue_count}, SQL ${sql.overdue_before}-${sql.overdue_after} around the request`
  )
  const wrongLinks = (body.tickets ?? []).filter((ticket) => {
    const row = sql.links.get(ticket.id)
    const customerOk = ticket.customer?.id === row?.customer_id && ticket.customer?.email === row?.email
    const orderOk = row?.order_id ? ticket.order?.id === row.order_id && ticket.order?.display_id === row.display_id : ticket.order === null
    return !customerOk || !orderOk
  })
  expect(wrongLinks.length === 0, `inbox: ${wrongLinks.length} rows whose customer or order is not the one the ticket refers to (e.g. ${JSON.stringify(wrongLinks[0] && { id: wrongLinks[0].id, customer: wrongLinks[0].customer, order: wrongLinks[0].order })})`)
  const notInbox = (body.tickets ?? []).filter((ticket) => !INBOX_STATUSES.includes(ticket.status))
  expect(notInbox.length === 0, `inbox: ${notInbox.length} rows not open or reopened`)
  Object.assign(pages.inbox, {
    count: body.count,
    rows: got.length,
    status_counts: body.status_counts,
    overdue_count: body.overdue_count,
    first: body.tickets?.[0] && { id: body.tickets[0].id, status: body.tickets[0].status, priority: body.tickets[0].priority, next_due_at: body.tickets[0].next_due_at },
  })
  return { ok: problems.length === 0, problems, pages }
}

/** One request to each endpoint with x-bench-capture: the statements it sent, as recorded by the preloaded capture-sql.js. */
async function captureStatements(baseUrl, headers, names) {
  const captured = {}
  for (const name of names) {
    const file = path.join(captureDir, `${name}.json`)
    fs.rmSync(file, { force: true })
    const { status } = await get(baseUrl, ENDPOINTS[name].path, { ...headers, "x-bench-capture": name })
    for (let tries = 0; tries < 100 && !fs.existsSync(file); tries++) await new Promise((resolve) => setTimeout(resolve, 50))
    if (!fs.existsSync(file)) throw new Error(`no SQL recorded for ${name} (status ${status}): is bench/lib/capture-sql.js preloaded?`)
    captured[name] = JSON.parse(fs.readFileSync(file, "utf8"))
  }
  return captured
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

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

const fmt = (value, digits = 1) => (value === undefined || value === null || Number.isNaN(value) ? "-" : Number(value).toFixed(digits))
const int = (value) => Number(value).toLocaleString("en-US")
const row = (cells, widths) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join("  ")
const oneLine = (sql, length = 110) => {
  const text = sql.replace(/\s+/g, " ").trim()
  return text.length > length ? `${text.slice(0, length - 3)}...` : text
}
/** The scans of a plan (what a slow statement is usually about). */
const scans = (plan) =>
  [...new Set((plan ?? "").split("\n").map((line) => /(?:->\s*)?((?:Parallel )?(?:Seq|Index|Index Only|Bitmap Heap|Bitmap Index) Scan(?: Backward)?(?: using \S+)? on \S+)/.exec(line)?.[1]).filter(Boolean))].join("; ")

function summary(setup, read, checks, db, context) {
  const t = setup.tickets
  const lines = [
    "",
    `Tickets inbox benchmark (${context.date}; ${context.cores} cores; load average ${context.loadBefore} before, ${context.loadAfter} after)`,
    `${int(t.total)} tickets (${STATUSES.map((status) => `${status} ${int(t.by_status[status] ?? 0)}`).join(", ")}); ` +
      `${int(t.inbox)} open or reopened, ${int(t.overdue)} of them overdue; ${int(t.with_order)} about an order; ${int(t.messages)} messages; crm_ticket ${t.table_size}`,
    `${int(setup.orders.count)} orders of ${int(setup.customers)} customers over 180 days (GET /admin/orders count ${checks.pages.orders?.count})`,
    "",
  ]
  if (read) {
    const base = read.results.orders
    const widths = [52, 22, 8, 6, 14]
    lines.push(row([`${read.clients} clients, ${base.requests} req each`, "p50 / p95 / p99 ms", "mean ms", "req/s", "p50/p99 ratio"], widths))
    for (const [name, result] of Object.entries(read.results)) {
      lines.push(
        row(
          [
            ENDPOINTS[name].label,
            `${fmt(result.p50_ms)} / ${fmt(result.p95_ms)} / ${fmt(result.p99_ms)}`,
            fmt(result.mean_ms),
            fmt(result.per_s, 0),
            name === "orders" ? "1" : `${fmt(result.p50_ms / base.p50_ms, 2)} / ${fmt(result.p99_ms / base.p99_ms, 2)}`,
          ],
          widths
        )
      )
    }
    lines.push("")
  }
  if (db) {
    lines.push(`database side alone (the SQL one request sends, recorded in the server; each statement ${context.db_runs} runs one at a time, p50/p99 ms; EXPLAIN ANALYZE execution ms):`)
    for (const [name, side] of Object.entries(db)) {
      const reads = side.statements.filter((s) => s.p50_ms !== undefined)
      const sum = reads.reduce((total, s) => total + s.p50_ms, 0)
      lines.push(
        `  ${ENDPOINTS[name].label}: request ${fmt(side.request_ms)} ms in the server (status ${side.status}); ${side.statements.length} statements, ` +
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
    lines.push("")
  }
  if (read) {
    const ratio = read.results.inbox.p99_ms / read.results.orders.p99_ms
    lines.push(`goal: inbox p99 within 1.5x of GET /admin/orders p99: ${ratio <= 1.5 ? "met" : "MISSED"} (${fmt(ratio, 2)}x)`)
  } else {
    lines.push(`goal: not measured (${checks.inboxMissing ? "the inbox route is not there" : "checks failed"})`)
  }
  lines.push(
    `checks: ${checks.ok ? "OK" : "FAILED"} (200s; orders count = the database's; inbox count, status_counts and overdue_count = SQL's, its page = the SQL page by next_due_at, customers and orders = the rows referred to)`,
    ...checks.problems.map((problem) => `  ${problem}`),
    ""
  )
  return lines.join("\n")
}

async function main() {
  const loadBefore = loadAverage()
  const tickets = num("BENCH_TICKETS", 200_000)
  note(`medusa-plugin-crm tickets benchmark; ${tickets} tickets; load average ${loadBefore} on ${os.cpus().length} cores`)

  // 1. Database.
  state.database = await createRunDatabase({ embeddedPort: num("BENCH_PG_PORT", 54330), log: note })
  const { server, name } = state.database
  const env = medusaEnvFor(state.database.url)

  let since = Date.now()
  await runMedusaToEnd(["db:migrate"], { env, logFile: path.join(logDir, "migrate.log") })
  note(`medusa db:migrate: ${elapsed(since)}`)

  // 2. Shop, admin, customers, orders, tickets.
  since = Date.now()
  const lines = await runMedusaToEnd(["exec", "./bench/tickets.ts"], {
    env: {
      ...env,
      BENCH_TICKETS: String(tickets),
      BENCH_CUSTOMERS: String(num("BENCH_CUSTOMERS", 20_000)),
      BENCH_ORDERS: String(num("BENCH_ORDERS", 20_000)),
      BENCH_TICKET_MESSAGES: String(num("BENCH_TICKET_MESSAGES", 20_000)),
    },
    logFile: path.join(logDir, "tickets.log"),
    onLine: (line) => line.startsWith("[bench]") && say(line),
  })
  const resultLine = lines.find((line) => line.startsWith("BENCH_TICKETS_SETUP "))
  if (!resultLine) throw new Error("bench/tickets.ts printed no BENCH_TICKETS_SETUP line (see bench/results/logs/tickets.log)")
  const setup = JSON.parse(resultLine.slice("BENCH_TICKETS_SETUP ".length))
  note(`medusa exec bench/tickets.ts: ${elapsed(since)}; load average ${loadAverage()}`)

  // 3. Checks and the SQL each route sends, on a server with the capture preloaded.
  let { handle, baseUrl } = await startServer(env, { capture: true, logName: "server-capture.log" })
  const headers = await login(baseUrl, setup.admin)
  note("admin logged in with POST /auth/user/emailpass")
  const checks = await checkEndpoints({ baseUrl, headers, setup, connection: server.connection, database: name })
  note(`checks before timing: ${checks.ok ? "OK" : `FAILED: ${checks.problems.join("; ")}`}`)
  const measured = checks.ok ? ["orders", "inbox"] : checks.inboxMissing ? ["orders"] : []
  const captured = measured.length ? await captureStatements(baseUrl, headers, measured) : {}
  await stopGroup(handle)

  // 4. The database side alone.
  const dbRuns = num("BENCH_DB_RUNS", 200)
  since = Date.now()
  const db = measured.length ? await databaseSide(server.connection, name, captured, dbRuns) : null
  if (db) note(`database side: ${Object.entries(db).map(([key, side]) => `${key} ${side.statements.length} statements`).join(", ")}, ${dbRuns} runs each: ${elapsed(since)}`)

  // 5. Load, on a server without the preload.
  let read = null
  if (measured.length) {
    ;({ handle, baseUrl } = await startServer(env, { capture: false, logName: "server.log" }))
    since = Date.now()
    read = await compareEndpoints({
      baseUrl,
      endpoints: Object.fromEntries(measured.map((key) => [key, ENDPOINTS[key].path])),
      headers,
      clients: num("BENCH_READ_CLIENTS", 16),
      requests: num("BENCH_READ_REQUESTS", 20_000),
      seconds: num("BENCH_READ_SECONDS", 120),
      log: note,
    })
    note(`read benchmark: ${elapsed(since)}; load average ${loadAverage()}`)
  }

  // 6. Stop, drop, report.
  await cleanUp()
  const loadAfter = loadAverage()
  const stamp = new Date().toISOString()
  const context = { date: stamp.slice(0, 16).replace("T", " "), loadBefore, loadAfter, cores: os.cpus().length, cpu: os.cpus()[0]?.model, db_runs: dbRuns }
  say(summary(setup, read && read.results.inbox ? read : null, checks, db, context))
  if (read && !read.results.inbox) {
    const base = read.results.orders
    say(`baseline alone: ${ENDPOINTS.orders.label}: p50 ${fmt(base.p50_ms)} / p95 ${fmt(base.p95_ms)} / p99 ${fmt(base.p99_ms)} ms, ${fmt(base.per_s, 0)} req/s (${base.requests} requests, ${read.clients} clients)\n`)
  }
  note(`total ${elapsed()}`)
  fs.mkdirSync(path.join(root, "bench", "results"), { recursive: true })
  const file = path.join(root, "bench", "results", `tickets-${stamp.replace(/[:.]/g, "-")}.json`)
  const ratio = read?.results.inbox ? { p50: read.results.inbox.p50_ms / read.results.orders.p50_ms, p99: read.results.inbox.p99_ms / read.results.orders.p99_ms } : null
  const { settings, admin, ...setupRest } = setup
  const dbWithoutPlans = db && Object.fromEntries(Object.entries(db).map(([key, side]) => [key, { ...side, statements: side.statements.map(({ plan, ...s }) => s) }]))
  fs.writeFileSync(file, `${JSON.stringify({ context, endpoints: ENDPOINTS, setup: { ...setupRest, sla: settings.sla }, checks, db: dbWithoutPlans, read, ratio }, null, 2)}\n`)
  const planFile = file.replace(/\.json$/, "-plans.txt")
  const sections = Object.entries(db ?? {}).flatMap(([key, side]) =>
    side.statements.filter((s) => s.plan).map((s, i) => `== ${ENDPOINTS[key].label}, statement ${i + 1}\n${s.sql}\n-- values: ${JSON.stringify(s.values)}\n${s.plan}\n`)
  )
  fs.writeFileSync(planFile, sections.join("\n"))
  note(`results: ${path.relative(root, file)}; plans: ${path.relative(root, planFile)}; logs: ${path.relative(root, logDir)}/`)
  if (!checks.ok || !read?.results.inbox) process.exitCode = 1
}

main().catch(async (error) => {
  console.error(`\n[bench] ${error.stack || error}\n`)
  await cleanUp().catch((stopError) => console.error(stopError))
  process.exit(1)
})
