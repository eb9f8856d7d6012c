"use strict"
/**
 * The database of one benchmark run: a fresh crm_bench_<random> on the
 * server scripts/lib/database.js finds (DATABASE_URL's server, else
 * localhost:5432, else an embedded one), dropped at the end unless
 * BENCH_KEEP=1, and the environment Medusa runs with against it.
 */
const crypto = require("crypto")
const os = require("os")
const path = require("path")
const { ensureDatabase, resolveDatabaseServer, serverUrl } = require("../../scripts/lib/database")
const { dropDatabase } = require("./dataset")

async function createRunDatabase({ embeddedPort, log }) {
  const server = await resolveDatabaseServer({
    embeddedDataDir: path.join(os.tmpdir(), `crm-bench-pg-${process.pid}`),
    embeddedPort,
    persistent: false,
    log,
  })
  const name = `crm_bench_${crypto.randomBytes(4).toString("hex")}`
  await ensureDatabase(server.connection, name)
  log(`database ${name} on ${server.source} (${server.connection.host}:${server.connection.port})`)
  return { server, name, url: `${serverUrl(server.connection)}/${name}` }
}

/** Drops the run's database (or keeps it with `keep`) and stops an embedded server. */
async function dropRunDatabase({ server, name }, { keep, log }) {
  if (keep) {
    log(`BENCH_KEEP=1: database ${name} kept (${serverUrl(server.connection)}/${name})`)
  } else {
    await dropDatabase(server.connection, name)
    log(`database ${name} dropped`)
  }
  await server.stop()
}

/** Medusa against the run's database, with its in-memory event bus, workflow engine, cache and locking (no Redis), no admin, no telemetry. */
function medusaEnvFor(databaseUrl) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true", MEDUSA_ADMIN_DISABLE: "true" }
  delete env.REDIS_URL
  delete env.MEDUSA_WORKER_MODE
  return env
}

module.exports = { createRunDatabase, dropRunDatabase, medusaEnvFor }
