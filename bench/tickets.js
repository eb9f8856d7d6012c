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
const { logDir, envInt: num, say, note, elapsed, loadAverage, fmt, runOnFreshDatabase, execScript, resultsFile } = require("./lib/runner")
const { root } = require("./lib/medusa")
const { withClient } = require("./lib/dataset")
const { measureRoutes, labelsOf, databaseSideLines, splitPlans } = require("./lib/route-sql")
const { readTable, getJson: get } = require("./read")

const INBOX_STATUSES = ["open", "reopened"]
const STATUSES = ["open", "pending_customer", "resolved", "closed", "reopened"]

/** The measured endpoints, the baseline first. */
const ENDPOINTS = {
  orders: { path: "/admin/orders?limit=20", label: "GET /admin/orders?limit=20 (baseline)" },
  inbox: { path: "/admin/tickets?status[]=open&status[]=reopened&order=due&limit=20", label: "GET /admin/tickets (inbox: open+reopened, due, 20)" },
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
async function checkEndpoints({ baseUrl, headers, connection, database, setup }) {
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
    return { ok: false, inboxMissing: true, measured: ["orders"], problems, pages }
  }
  expect(inbox.status === 200, `${ENDPOINTS.inbox.path}: answered ${inbox.status} ${JSON.stringify(inbox.body)?.slice(0, 300)}`)
  if (inbox.status !== 200) return { ok: false, measured: [], problems, pages }

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
  return { ok: problems.length === 0, measured: problems.length === 0 ? ["orders", "inbox"] : [], problems, pages }
}

const int = (value) => Number(value).toLocaleString("en-US")
const labels = labelsOf(ENDPOINTS)

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
  if (read) lines.push(...readTable(read, labels, "orders"), "")
  if (db) lines.push(...databaseSideLines(db, labels, context.db_runs), "")
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

const loadBefore = loadAverage()
const tickets = num("BENCH_TICKETS", 200_000)
note(`medusa-plugin-crm tickets benchmark; ${tickets} tickets; load average ${loadBefore} on ${os.cpus().length} cores`)

runOnFreshDatabase(async ({ database, env, cleanUp }) => {
  // 2. Shop, admin, customers, orders, tickets.
  const setup = await execScript("tickets.ts", "BENCH_TICKETS_SETUP", {
    env: {
      ...env,
      BENCH_TICKETS: String(tickets),
      BENCH_CUSTOMERS: String(num("BENCH_CUSTOMERS", 20_000)),
      BENCH_ORDERS: String(num("BENCH_ORDERS", 20_000)),
      BENCH_TICKET_MESSAGES: String(num("BENCH_TICKET_MESSAGES", 20_000)),
    },
    logName: "tickets.log",
  })

  // 3-5. Checks and the SQL each route sends (server with the capture), the database side alone, the load (another server).
  const { checks, db, read, dbRuns } = await measureRoutes({
    env,
    database,
    name: "tickets",
    endpoints: ENDPOINTS,
    admin: setup.admin,
    check: (server) => checkEndpoints({ ...server, setup }),
    clients: 16,
  })

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
  const file = resultsFile("tickets", stamp)
  const ratio = read?.results.inbox ? { p50: read.results.inbox.p50_ms / read.results.orders.p50_ms, p99: read.results.inbox.p99_ms / read.results.orders.p99_ms } : null
  const { settings, admin, ...setupRest } = setup
  const plans = splitPlans(db, labels)
  fs.writeFileSync(file, `${JSON.stringify({ context, endpoints: ENDPOINTS, setup: { ...setupRest, sla: settings.sla }, checks, db: plans.withoutPlans, read, ratio }, null, 2)}\n`)
  const planFile = file.replace(/\.json$/, "-plans.txt")
  fs.writeFileSync(planFile, plans.text)
  note(`results: ${path.relative(root, file)}; plans: ${path.relative(root, planFile)}; logs: ${path.relative(root, logDir)}/`)
  if (!checks.ok || !read?.results.inbox) process.exitCode = 1
})
