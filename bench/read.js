/**
 * Read benchmark against a running store (started by bench/points.js):
 * `GET /store/loyalty/account` against Medusa's own `GET /store/customers/me`,
 * same customer, same token, same number of concurrent clients.
 *
 * A customer registers through the store API and places a few orders through
 * the store checkout (so its account has ledger entries and lots, earned by
 * the running store's `order.placed` subscriber). Then, after a warm-up, the
 * two endpoints are hit in alternating rounds (A B, B A, A B, ...), so that
 * whatever else the machine does hits both alike, until each has
 * `requests` measured requests or `seconds` of measured time.
 *
 * `compareEndpoints` is that load generator on its own (any endpoints, any
 * headers, alternating A B C, C B A, ...); bench/reviews.js, tickets.js and
 * surveys.js use it directly, and print it with `readTable`.
 *
 * Only localhost; keep-alive agents from Node's own `http`; no dependency.
 */
"use strict"

const http = require("http")
const { fmt, row } = require("./lib/runner")

const ENDPOINTS = {
  loyalty: "/store/loyalty/account",
  customer: "/store/customers/me",
}

async function call(baseUrl, method, path, { headers = {}, body } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  })
  const data = await response.json().catch(() => null)
  if (!response.ok) {
    throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(data)}`)
  }
  return data
}

/** A GET that resolves with { status, body } whatever the status. */
async function getJson(baseUrl, path, headers) {
  const response = await fetch(`${baseUrl}${path}`, { headers, signal: AbortSignal.timeout(30_000) })
  return { status: response.status, body: await response.json().catch(() => null) }
}

/** Logs an admin user in as the admin dashboard does; returns its bearer header. */
async function loginAdmin(baseUrl, { email, password }) {
  const { token } = await call(baseUrl, "POST", "/auth/user/emailpass", { body: { email, password } })
  if (!token) throw new Error("POST /auth/user/emailpass answered no token")
  return { authorization: `Bearer ${token}` }
}

/** Registers a customer the way a storefront does; returns its headers. */
async function registerCustomer(baseUrl, publishableKey, email, password = "bench-pass-1") {
  const key = { "x-publishable-api-key": publishableKey }
  const { token: registration } = await call(baseUrl, "POST", "/auth/customer/emailpass/register", {
    body: { email, password },
  })
  const { customer } = await call(baseUrl, "POST", "/store/customers", {
    headers: { ...key, authorization: `Bearer ${registration}` },
    body: { email, first_name: "Bench", last_name: "Reader" },
  })
  const { token } = await call(baseUrl, "POST", "/auth/customer/emailpass", { body: { email, password } })
  return { customerId: customer.id, headers: { ...key, authorization: `Bearer ${token}` } }
}

/** Cart, line item, payment collection and session, complete: as the storefront does. */
async function placeOrder(baseUrl, headers, shop, quantity) {
  const { cart } = await call(baseUrl, "POST", "/store/carts", { headers, body: { region_id: shop.region_id } })
  await call(baseUrl, "POST", `/store/carts/${cart.id}/line-items`, {
    headers,
    body: { variant_id: shop.variant_id, quantity },
  })
  const { payment_collection } = await call(baseUrl, "POST", "/store/payment-collections", {
    headers,
    body: { cart_id: cart.id },
  })
  await call(baseUrl, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    headers,
    body: { provider_id: "pp_system_default" },
  })
  const completed = await call(baseUrl, "POST", `/store/carts/${cart.id}/complete`, { headers, body: {} })
  if (completed.type !== "order") throw new Error(`cart ${cart.id} did not complete`)
  return completed.order.id
}

/** One GET on a keep-alive agent; resolves with its latency in ms. */
function timedGet(agent, url, headers) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const request = http.get(url, { agent, headers }, (response) => {
      response.on("data", () => {})
      response.on("end", () => {
        if (response.statusCode !== 200) {
          reject(new Error(`GET ${url.pathname} answered ${response.statusCode}`))
        } else {
          resolve(Number(process.hrtime.bigint() - start) / 1e6)
        }
      })
    })
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${url.pathname} timed out`)))
    request.on("error", reject)
  })
}

/** `count` requests to one endpoint with `clients` in flight; returns latencies and seconds. */
async function round(agent, url, headers, count, clients) {
  const latencies = new Float64Array(count)
  let next = 0
  const start = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const index = next++
        latencies[index] = await timedGet(agent, url, headers)
      }
    })
  )
  return { latencies, seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}

/** The p-th percentile of sorted values (nearest rank). */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]

function summarise(latencies, seconds) {
  const sorted = Float64Array.from(latencies).sort()
  const at = (p) => percentile(sorted, p)
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length
  return { requests: sorted.length, p50_ms: at(50), p95_ms: at(95), p99_ms: at(99), mean_ms: mean, max_ms: at(100), per_s: sorted.length / seconds }
}

function assertLocal(baseUrl) {
  const url = new URL(baseUrl)
  if (!["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
    throw new Error(`the read benchmark only runs against localhost, not ${url.hostname}`)
  }
}

/**
 * The load generator: `endpoints` ({ name: path with its query }) with the
 * same `headers`, `clients` in flight on keep-alive connections. After
 * `warmup` requests to each, rounds of `roundSize` requests to each endpoint
 * in alternating order (A B C, C B A, A B C, ...), so that whatever else the
 * machine does hits all alike, until each has `requests` measured requests
 * or one has `seconds` of measured time. Any answer but 200 fails it.
 */
async function compareEndpoints({
  baseUrl,
  endpoints,
  headers,
  clients = 32,
  requests = 20_000,
  seconds = 60,
  roundSize = 250,
  warmup = 500,
  log = () => {},
}) {
  assertLocal(baseUrl)
  const names = Object.keys(endpoints)
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
  const target = (name) => new URL(endpoints[name], baseUrl)
  try {
    for (const name of names) await round(agent, target(name), headers, warmup, clients)
    const measured = Object.fromEntries(names.map((name) => [name, []]))
    const time = Object.fromEntries(names.map((name) => [name, 0]))
    let sets = 0
    while (names.some((name) => measured[name].length < requests) && names.every((name) => time[name] < seconds)) {
      const order = sets++ % 2 === 0 ? names : [...names].reverse()
      for (const name of order) {
        const count = Math.min(roundSize, requests - measured[name].length)
        if (count <= 0) continue
        const result = await round(agent, target(name), headers, count, clients)
        measured[name].push(...result.latencies)
        time[name] += result.seconds
      }
    }
    log(`${sets} sets of ${names.length} rounds of up to ${roundSize} requests, ${clients} clients`)
    return {
      clients,
      warmup,
      rounds: sets * names.length,
      results: Object.fromEntries(names.map((name) => [name, summarise(measured[name], time[name])])),
    }
  } finally {
    agent.destroy()
  }
}

/**
 * The lines of a table of `compareEndpoints` results: each endpoint's
 * p50/p95/p99, mean and requests a second, and its p50 and p99 over those
 * of `baseline`. `labels`: { name: label }, in the order to print.
 */
function readTable(read, labels, baseline) {
  const base = read.results[baseline]
  const widths = [Math.max(...Object.values(labels).map((label) => label.length)), 22, 8, 6, 20]
  return [
    row([`${read.clients} clients, ${base.requests} req each`, "p50 / p95 / p99 ms", "mean ms", "req/s", "p50 / p99 vs baseline"], widths),
    ...Object.entries(labels)
      .filter(([name]) => read.results[name])
      .map(([name, label]) => {
        const result = read.results[name]
        return row(
          [
            label,
            `${fmt(result.p50_ms)} / ${fmt(result.p95_ms)} / ${fmt(result.p99_ms)}`,
            fmt(result.mean_ms),
            fmt(result.per_s, 0),
            name === baseline ? "1" : `${fmt(result.p50_ms / base.p50_ms, 2)} / ${fmt(result.p99_ms / base.p99_ms, 2)}`,
          ],
          widths
        )
      }),
  ]
}

async function readBenchmark({
  baseUrl,
  shop,
  clients = 32,
  requests = 20_000,
  seconds = 60,
  roundSize = 250,
  warmup = 500,
  orders = 3,
  log = () => {},
}) {
  assertLocal(baseUrl)
  const email = `bench-reader-${Date.now()}@bench.local`
  const { headers } = await registerCustomer(baseUrl, shop.publishable_key, email)
  for (let i = 0; i < orders; i++) await placeOrder(baseUrl, headers, shop, 1 + i)
  // The store's order.placed subscriber earns the points in the background.
  let account = null
  for (let tries = 0; tries < 60; tries++) {
    account = (await call(baseUrl, "GET", ENDPOINTS.loyalty, { headers })).loyalty_account
    if (account.pending_points > 0 || orders === 0) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  log(`customer ${email} registered through the store API; ${orders} orders placed; account ${account.id}: ${account.pending_points} pending points`)
  if (orders > 0 && account.pending_points === 0) {
    log("warning: the store's order.placed subscriber earned nothing for these orders (see bench/results/logs/server.log)")
  }

  const { results, ...run } = await compareEndpoints({
    baseUrl,
    endpoints: ENDPOINTS,
    headers,
    clients,
    requests,
    seconds,
    roundSize,
    warmup,
    log,
  })
  return { ...run, pending_points: account.pending_points, loyalty: results.loyalty, customer: results.customer }
}

module.exports = { readBenchmark, compareEndpoints, readTable, percentile, call, getJson, loginAdmin, registerCustomer, placeOrder, ENDPOINTS }
