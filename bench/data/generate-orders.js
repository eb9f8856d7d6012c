#!/usr/bin/env node
/**
 * Order data for the benchmarks that read the order facts (tiers, segments):
 * fills a database migrated with the plugin's migrations with
 *
 *   crm_loyalty_account  one per customer n = 1..BENCH_CUSTOMERS:
 *                        id 'lpacc_'||n, customer_id 'cus_'||n and a unique
 *                        8-character referral code (Crockford base 32, as
 *                        the service draws them);
 *   crm_order_fact       BENCH_ORDERS orders over the 24 months before the
 *                        anchor ("now" of the data set), oldest first as a
 *                        store writes them; customer 1 + floor(C * random()^2)
 *                        (skewed: the first 10% of customers place about 32% of
 *                        the orders, the last 10% about 5%); spend 5..400 with 2
 *                        decimals; about 3% canceled, about 5% of the rest
 *                        partly or wholly returned; currency 'eur'; the
 *                        shipping country (country_code) the customer's home
 *                        country, none on about 2% of the orders;
 *   customer             (Medusa's own table, segments start from it) the
 *                        customers 'cus_'||n with an e-mail, 70% with an
 *                        account, created_at spread over the 24 months
 *                        before the anchor.
 *
 * Home countries are skewed, as a European shop's: de 35%, fr 20%, nl 12%,
 * gb 10%, es 8%, it 6%, be 5%, at 4% (from a hash of the customer number, so
 * the orders' random draws are the same as without countries).
 *
 * Set-based (INSERT ... SELECT FROM generate_series, in chunks so progress
 * is printed), with a fixed random seed so two data sets of the same size
 * hold the same rows. The tables' secondary indexes are dropped for the load
 * and rebuilt from their own definitions afterwards (faster than maintaining
 * them row by row); then VACUUM (ANALYZE), so the data set looks like a
 * database that has been running for a while (hint bits, visibility map,
 * statistics). A row in crm_bench_dataset records what was generated; it is
 * written last, so a data set cut short is never mistaken for a complete one.
 *
 * As a module: generateOrders(client, { customers, orders, anchor, signature, log }).
 * As a script, against an already migrated, empty database:
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/<db> node bench/data/generate-orders.js
 *
 * Knobs: BENCH_CUSTOMERS (1000000), BENCH_ORDERS (5000000), BENCH_CHUNK
 * (rows per INSERT, 250000).
 */
"use strict"

const crypto = require("crypto")
const fs = require("fs")

const GENERATOR = "orders"
/** Raised when the rows generated change in a way the source hash might not show. */
const GENERATOR_VERSION = 2
const MONTHS = 24
const SEED = 0.4242
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

/**
 * The referral code of account n: n times an odd constant modulo 2^40 (a
 * bijection, so codes are unique), written as 8 base-32 digits.
 */
const referralCodeSql = (n) => {
  const x = `((${n} * 2654435761::bigint) % 1099511627776::bigint)`
  const digits = []
  for (let i = 7; i >= 0; i--) {
    digits.push(`substr('${CROCKFORD}', (((${x} >> ${5 * i}) & 31) + 1)::int, 1)`)
  }
  return digits.join(" || ")
}

/** Home countries and their shares in percent (they add up to 100). */
const COUNTRIES = [
  ["de", 35],
  ["fr", 20],
  ["nl", 12],
  ["gb", 10],
  ["es", 8],
  ["it", 6],
  ["be", 5],
  ["at", 4],
]

/** The home country of customer number `customer` (an SQL expression). */
const homeCountrySql = (customer) => {
  let upTo = 0
  const cases = COUNTRIES.map(([code, share]) => `WHEN h.v < ${(upTo += share)} THEN '${code}'`)
  return `(SELECT CASE ${cases.join(" ")} END FROM (SELECT abs(hashtext('country:' || ${customer})) % 100 AS v) h)`
}

const raw = (column) => `jsonb_build_object('value', (${column})::text, 'precision', 20)`

const ACCOUNTS_SQL = `
  INSERT INTO crm_loyalty_account (id, customer_id, referral_code)
  SELECT 'lpacc_' || n, 'cus_' || n, ${referralCodeSql("n")}
    FROM generate_series($1::bigint, $2::bigint) AS n`

// $1..$2: order numbers; $3: customers; $4: orders; $5: anchor. Order n is
// placed at anchor - 24 months * (orders - n + jitter) / orders: oldest first.
// The innermost SELECT draws each random number once per row (a subquery
// with volatile functions is never inlined).
const ORDERS_SQL = `
  INSERT INTO crm_order_fact
    (id, order_id, customer_id, sales_channel_id, region_id, status, currency_code, country_code,
     total, raw_total, spend, raw_spend, returned_spend, raw_returned_spend,
     item_count, placed_at, canceled_at, returned_at)
  SELECT 'ofact_' || lpad(g.n::text, 26, '0'), 'order_' || lpad(g.n::text, 26, '0'), 'cus_' || g.customer,
         'sc_bench', 'reg_bench',
         CASE WHEN g.canceled THEN 'canceled'
              WHEN g.placed_at > $5::timestamptz - interval '14 days' THEN 'pending'
              ELSE 'completed' END,
         'eur',
         CASE WHEN abs(hashtext('no-country:' || g.n)) % 100 >= 2 THEN ${homeCountrySql("g.customer")} END,
         g.total, ${raw("g.total")}, g.spend, ${raw("g.spend")}, g.returned, ${raw("g.returned")},
         g.items, g.placed_at,
         CASE WHEN g.canceled THEN least($5::timestamptz, g.placed_at + g.r_after * interval '2 days') END,
         CASE WHEN g.returned > 0 THEN least($5::timestamptz, g.placed_at + interval '3 days' + g.r_after * interval '27 days') END
    FROM (
      SELECT s.*,
             round(s.spend * 1.2 + CASE WHEN s.spend < 50 THEN 4.95 ELSE 0 END, 2) AS total,
             CASE WHEN NOT s.canceled AND s.r_return < 0.05
                  THEN round(s.spend * (0.2 + 0.8 * s.r_share)::numeric, 2) ELSE 0 END AS returned
        FROM (
          SELECT n,
                 1 + floor($3::float8 * random() ^ 2)::bigint AS customer,
                 round((5 + random() * 395)::numeric, 2) AS spend,
                 $5::timestamptz - (($4::float8 - n + random()) / $4::float8)
                   * ($5::timestamptz - ($5::timestamptz - interval '${MONTHS} months')) AS placed_at,
                 random() < 0.03 AS canceled,
                 random() AS r_return,
                 random() AS r_share,
                 random() AS r_after,
                 1 + floor(random() * 4)::int AS items
            FROM generate_series($1::bigint, $2::bigint) AS n
        ) s
    ) g`

// $1..$2: customer numbers; $3: anchor. After the orders, so their random
// draws are the same as before customers were generated.
const CUSTOMERS_SQL = `
  INSERT INTO customer (id, email, first_name, last_name, has_account, created_at, updated_at)
  SELECT 'cus_' || c.n, 'customer-' || c.n || '@bench.local', 'Bench', 'Customer ' || c.n,
         c.r_account < 0.7, c.created_at, c.created_at
    FROM (
      SELECT n, random() AS r_account,
             $3::timestamptz - random() * ($3::timestamptz - ($3::timestamptz - interval '${MONTHS} months')) AS created_at
        FROM generate_series($1::bigint, $2::bigint) AS n
    ) c`

/** Identifies the generator and the schema it filled: a data set with another signature is regenerated. */
function datasetSignature(extra = []) {
  const hash = crypto.createHash("sha1")
  hash.update(`v${GENERATOR_VERSION}\0`)
  hash.update(fs.readFileSync(__filename))
  for (const part of extra) hash.update(`\0${part}`)
  return hash.digest("hex").slice(0, 16)
}

/** The data set recorded in the database, or null (none, or cut short). */
async function readDataset(client) {
  const { rows } = await client.query(`SELECT to_regclass('crm_bench_dataset') IS NOT NULL AS present`)
  if (!rows[0].present) return null
  const { rows: datasets } = await client.query(
    `SELECT generator, signature, customers::int, orders::int, anchor, generated_at, seconds::float8 AS seconds
       FROM crm_bench_dataset ORDER BY generated_at DESC LIMIT 1`
  )
  return datasets[0] ?? null
}

/** Rows actually in the tables (a data set someone changed by hand is not reused). */
async function countRows(client) {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM crm_loyalty_account)::int AS accounts,
            (SELECT count(*) FROM crm_order_fact)::int AS orders`
  )
  const customers = (await hasCustomerTable(client))
    ? (await client.query(`SELECT count(*)::int AS customers FROM customer`)).rows[0].customers
    : 0
  return { ...rows[0], customers }
}

/** Medusa's customer table (a database migrated with `medusa db:migrate` has it). */
async function hasCustomerTable(client) {
  const { rows } = await client.query(`SELECT to_regclass('customer') IS NOT NULL AS present`)
  return rows[0].present
}

/** Runs `load` with the table's secondary indexes dropped, then rebuilds them as they were. */
async function withoutSecondaryIndexes(client, table, log, load) {
  const { rows: indexes } = await client.query(
    `SELECT i.indexname, i.indexdef
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = $1
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.conrelid = $1::regclass)
      ORDER BY i.indexname`,
    [table]
  )
  for (const { indexname } of indexes) {
    await client.query(`DROP INDEX "${indexname.replace(/"/g, '""')}"`)
  }
  await load()
  const started = Date.now()
  for (const { indexdef } of indexes) {
    await client.query(indexdef)
  }
  log(`  ${table}: ${indexes.length} secondary indexes rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

async function inChunks(client, { sql, total, chunk, label, log, params }) {
  const started = Date.now()
  for (let from = 1; from <= total; from += chunk) {
    const to = Math.min(total, from + chunk - 1)
    await client.query(sql, [from, to, ...params])
    const seconds = (Date.now() - started) / 1000
    log(`  ${label}: ${to.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} (${seconds.toFixed(1)} s)`)
  }
}

/**
 * Fills the (empty, migrated) database `client` is connected to. `anchor`:
 * the data set's "now" (the newest order is placed just before it).
 */
async function generateOrders(client, { customers, orders, anchor = new Date(), chunk = 250_000, signature = datasetSignature(), log = () => {} }) {
  const started = Date.now()
  const existing = await countRows(client)
  if (existing.accounts || existing.orders || existing.customers) {
    throw new Error(
      `the database already holds ${existing.accounts} accounts, ${existing.orders} order facts and ${existing.customers} customers`
    )
  }
  // Session settings for the load only: nothing here has to survive a crash
  // (the data set is regenerated), and index builds get the memory they want.
  await client.query(`SET synchronous_commit = off`)
  await client.query(`SET maintenance_work_mem = '1GB'`)
  await client.query(`SELECT setseed($1)`, [SEED])

  await withoutSecondaryIndexes(client, "crm_loyalty_account", log, () =>
    inChunks(client, { sql: ACCOUNTS_SQL, total: customers, chunk, label: "crm_loyalty_account", log, params: [] })
  )
  await withoutSecondaryIndexes(client, "crm_order_fact", log, () =>
    inChunks(client, { sql: ORDERS_SQL, total: orders, chunk, label: "crm_order_fact", log, params: [customers, orders, anchor] })
  )
  const customerTable = await hasCustomerTable(client)
  if (customerTable) {
    await withoutSecondaryIndexes(client, "customer", log, () =>
      inChunks(client, { sql: CUSTOMERS_SQL, total: customers, chunk, label: "customer", log, params: [anchor] })
    )
  } else {
    log(`  no customer table (not migrated with medusa db:migrate): customers not generated`)
  }
  let since = Date.now()
  await client.query(`VACUUM (ANALYZE) crm_loyalty_account, crm_order_fact${customerTable ? ", customer" : ""}`)
  await client.query(`ANALYZE`)
  log(`  VACUUM (ANALYZE): ${((Date.now() - since) / 1000).toFixed(1)} s`)

  const seconds = (Date.now() - started) / 1000
  await client.query(
    `CREATE TABLE IF NOT EXISTS crm_bench_dataset (
       generator text NOT NULL, signature text NOT NULL, customers bigint NOT NULL, orders bigint NOT NULL,
       anchor timestamptz NOT NULL, generated_at timestamptz NOT NULL DEFAULT now(), seconds numeric NOT NULL)`
  )
  await client.query(
    `INSERT INTO crm_bench_dataset (generator, signature, customers, orders, anchor, seconds) VALUES ($1, $2, $3, $4, $5, $6)`,
    [GENERATOR, signature, customers, orders, anchor, seconds]
  )
  return { customers, orders, anchor, seconds }
}

/** Size and shape of the data set, for the report. */
async function describeDataset(client, { since }) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS orders,
            count(*) FILTER (WHERE canceled_at IS NOT NULL)::int AS canceled,
            count(*) FILTER (WHERE returned_spend > 0)::int AS returned,
            count(*) FILTER (WHERE placed_at >= $1)::int AS orders_in_window,
            count(DISTINCT customer_id) FILTER (WHERE placed_at >= $1 AND canceled_at IS NULL)::int AS customers_in_window,
            pg_size_pretty(pg_total_relation_size('crm_order_fact')) AS order_fact_size,
            pg_size_pretty(pg_total_relation_size('crm_loyalty_account')) AS account_size
       FROM crm_order_fact`,
    [since]
  )
  return rows[0]
}

module.exports = { GENERATOR, datasetSignature, readDataset, countRows, generateOrders, describeDataset }

if (require.main === module) {
  const { Client } = require("pg")
  const num = (name, fallback) => Number(process.env[name] || fallback)
  const log = (line) => process.stdout.write(`[generate] ${line}\n`)
  ;(async () => {
    if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL: a database migrated with `medusa db:migrate`")
    const client = new Client({ connectionString: process.env.DATABASE_URL })
    await client.connect()
    try {
      const result = await generateOrders(client, {
        customers: num("BENCH_CUSTOMERS", 1_000_000),
        orders: num("BENCH_ORDERS", 5_000_000),
        chunk: num("BENCH_CHUNK", 250_000),
        log,
      })
      log(`${result.customers} accounts, ${result.orders} order facts in ${result.seconds.toFixed(1)} s`)
    } finally {
      await client.end()
    }
  })().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
