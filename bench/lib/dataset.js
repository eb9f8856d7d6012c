/**
 * Databases for the benchmarks that run on generated order data (tiers,
 * segments): a data-set database, migrated with `medusa db:migrate` and
 * filled by bench/data/generate-orders.js, that the benchmark never writes
 * to; each run works on a copy of it (CREATE DATABASE ... TEMPLATE), so every
 * run starts from the same rows.
 *
 * With `reuse` the data set has a fixed name per size
 * (crm_bench_orders_<customers>_<orders>), is kept, and is used again when its
 * recorded signature (generator source, migration files, Medusa version) and
 * row counts match; otherwise it is a throw-away crm_bench_<random>_data.
 */
"use strict"

const crypto = require("crypto")
const fs = require("fs")
const path = require("path")
const { Client } = require("pg")
const { ensureDatabase, serverUrl } = require("../../scripts/lib/database")
const { root, runMedusaToEnd } = require("./medusa")
const { datasetSignature, readDataset, countRows, generateOrders, GENERATOR } = require("../data/generate-orders")

const quote = (name) => `"${String(name).replace(/"/g, '""')}"`
const seconds = (since) => (Date.now() - since) / 1000

async function withClient(connection, database, work) {
  const client = new Client({ connectionString: `${serverUrl(connection)}/${database}` })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

async function databaseExists(connection, name) {
  return withClient(connection, "postgres", async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    return rowCount > 0
  })
}

async function dropDatabase(connection, name) {
  await withClient(connection, "postgres", (client) => client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`))
}

/**
 * A copy of `template` named `name`. From PostgreSQL 15 the files are copied
 * (STRATEGY FILE_COPY: a checkpoint, then a file copy) instead of the data
 * going through the WAL, which for a few GB is many times faster.
 */
async function cloneDatabase(connection, template, name) {
  await withClient(connection, "postgres", async (client) => {
    const { rows } = await client.query("SELECT current_setting('server_version_num')::int AS version")
    const strategy = rows[0].version >= 150000 ? " STRATEGY FILE_COPY" : ""
    await client.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(template)}${strategy}`)
  })
}

/** What the data set's rows depend on: the generator, the plugin's migrations and the Medusa version. */
function schemaSignature() {
  const parts = []
  const modules = path.join(root, "src", "modules")
  for (const module of fs.readdirSync(modules).sort()) {
    const dir = path.join(modules, module, "migrations")
    if (!fs.existsSync(dir)) continue
    for (const file of fs.readdirSync(dir).filter((f) => /^Migration.*\.ts$/.test(f)).sort()) {
      const hash = crypto.createHash("sha1").update(fs.readFileSync(path.join(dir, file))).digest("hex")
      parts.push(`${module}/${file}:${hash}`)
    }
  }
  parts.push(`@medusajs/medusa@${require(require.resolve("@medusajs/medusa/package.json", { paths: [root] })).version}`)
  return datasetSignature(parts)
}

/**
 * The data-set database for `customers` x `orders`: reused (with `reuse`) or
 * made: created (`onCreate(name)` is told, to drop it if needed), migrated,
 * generated. Returns { name, reused, dataset, seconds }.
 */
async function prepareOrdersDataset({ connection, customers, orders, reuse, env, logDir, log, onCreate = () => {} }) {
  const started = Date.now()
  const signature = schemaSignature()
  const name = reuse ? `crm_bench_${GENERATOR}_${customers}_${orders}` : `crm_bench_${crypto.randomBytes(4).toString("hex")}_data`

  if (reuse && (await databaseExists(connection, name))) {
    const found = await withClient(connection, name, async (client) => {
      const dataset = await readDataset(client)
      const counts = dataset ? await countRows(client) : null
      return { dataset, counts }
    })
    const { dataset, counts } = found
    const why = !dataset
      ? "no complete data set recorded"
      : dataset.signature !== signature
        ? "generator, migrations or Medusa changed"
        : dataset.customers !== customers || dataset.orders !== orders
          ? "other sizes recorded"
          : counts.accounts !== customers || counts.orders !== orders || counts.customers !== customers
            ? `holds ${counts.accounts} accounts, ${counts.orders} orders and ${counts.customers} customers`
            : null
    if (!why) {
      log(`data set ${name} reused (generated ${dataset.generated_at.toISOString()}, anchor ${dataset.anchor.toISOString()})`)
      return { name, reused: true, dataset, seconds: seconds(started) }
    }
    log(`data set ${name} not reusable (${why}): generating it again`)
    await dropDatabase(connection, name)
  }

  await ensureDatabase(connection, name)
  onCreate(name)
  let since = Date.now()
  await runMedusaToEnd(["db:migrate"], {
    env: { ...env, DATABASE_URL: `${serverUrl(connection)}/${name}` },
    logFile: path.join(logDir, "migrate.log"),
  })
  log(`${name}: medusa db:migrate in ${seconds(since).toFixed(1)} s`)
  since = Date.now()
  log(`${name}: generating ${customers.toLocaleString("en-US")} accounts and ${orders.toLocaleString("en-US")} order facts ...`)
  const generated = await withClient(connection, name, (client) =>
    generateOrders(client, { customers, orders, signature, log })
  )
  log(`${name}: generated in ${seconds(since).toFixed(1)} s`)
  const dataset = await withClient(connection, name, readDataset)
  return { name, reused: false, dataset, seconds: seconds(started), generate_seconds: generated.seconds }
}

module.exports = { prepareOrdersDataset, cloneDatabase, dropDatabase, databaseExists, withClient, quote }
