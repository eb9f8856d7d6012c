#!/usr/bin/env node
/**
 * The install check (`npm run install-check`, see scripts/install-check.sh):
 * what a merchant does, done for real in a throwaway store.
 *
 *   1. `npm run build` (medusa plugin:build), `npm pack`, and a look inside
 *      the tarball: what must ship is there, what must not is not.
 *   2. A Medusa store in a temp folder (package.json, tsconfig.json,
 *      medusa-config.ts written by hand, as create-medusa-app would), the
 *      tarball installed with npm and registered under `plugins`.
 *   3. A database of its own on the PostgreSQL server that
 *      scripts/lib/database.js finds; `medusa db:migrate` must create the
 *      plugin's tables; `medusa user` creates an admin.
 *   4. `medusa build` (backend and admin, with the plugin's admin
 *      extensions), then `medusa start` from the build output in production
 *      mode, the way a merchant deploys; the store and admin loyalty routes
 *      must answer, and the served admin must contain the plugin's extension.
 *   5. Cleanup, always: the server's process group, the database, the
 *      embedded PostgreSQL (if one was started), the temp folders (kept with
 *      KEEP_INSTALL_CHECK=1).
 *
 * Exits 0 only if every check passed.
 */
const crypto = require("crypto")
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")
const { spawn, spawnSync } = require("child_process")
const { Client } = require("pg")
const { resolveDatabaseServer, serverUrl } = require("./lib/database")

const repo = path.resolve(__dirname, "..")
const repoPkg = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8"))
const KEEP = process.env.KEEP_INSTALL_CHECK === "1"
const PREFERRED_PORT = Number(process.env.INSTALL_CHECK_PORT || 9100)
const PG_PORT = Number(process.env.INSTALL_CHECK_PG_PORT || 54331)
const BOOT_TIMEOUT_MS = 120_000
const suffix = crypto.randomBytes(4).toString("hex")

const t0 = Date.now()
const timings = [] // [phase, ms]
const checks = [] // { name, ok, detail }
const activeGroups = new Map() // pgid -> label: every command runs in its own process group
const stoppedByCleanup = new Set()

let tmpRoot
let pgDataDir
let server // { pid, logFile, exited }
let database // { server, adminUrl, name }

// ---------------------------------------------------------------- helpers

const log = (line = "") => console.log(line)
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`

function check(name, ok, detail = "") {
  checks.push({ name, ok: !!ok, detail })
  log(`  ${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`)
  return !!ok
}

/** Like check(), but stops the run: later steps depend on it. */
function assert(name, ok, detail) {
  if (!check(name, ok, detail)) {
    throw new Error(`check failed: ${name}`)
  }
}

async function phase(name, fn) {
  log(`\n== ${name}`)
  const started = Date.now()
  try {
    return await fn()
  } finally {
    const ms = Date.now() - started
    timings.push([name, ms])
    log(`  (${name}: ${seconds(ms)})`)
  }
}

function tail(file, lines = 60) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
  } catch {
    return "(no log)"
  }
}

/** The environment for commands outside the repo: none of `npm run`'s own variables. */
function childEnv(extra = {}) {
  const env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_/.test(key) || key === "npm_config_local_prefix" || key === "INIT_CWD") {
      continue
    }
    env[key] = value
  }
  return { ...env, ...extra }
}

/**
 * Runs a command in its own process group, output to a log file; rejects
 * (after printing the log tail) on a non-zero exit or a timeout.
 */
function run(label, command, args, { cwd, env = process.env, logName, timeoutMs = 600_000, stdoutFile }) {
  const logFile = path.join(tmpRoot, "logs", `${logName}.log`)
  const out = fs.openSync(logFile, "a")
  const stdout = stdoutFile ? fs.openSync(stdoutFile, "w") : out
  log(`  $ ${[path.basename(command), ...args].join(" ")}   (in ${cwd})`)
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", stdout, out] })
    activeGroups.set(child.pid, label)
    let timedOut = false
    let finished = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid, "SIGKILL")
    }, timeoutMs)
    const done = (error) => {
      if (finished) return
      finished = true
      clearTimeout(timer)
      activeGroups.delete(child.pid)
      fs.closeSync(out)
      if (stdoutFile) fs.closeSync(stdout)
      if (error && stoppedByCleanup.has(child.pid)) {
        reject(new Error(`${label} stopped`))
      } else if (error) {
        log(`\n--- ${label}: last lines of ${logFile}\n${tail(logFile)}\n---`)
        reject(error)
      } else {
        resolve(logFile)
      }
    }
    child.on("error", (error) => done(error))
    child.on("exit", (code, signal) => {
      // The command's own children (none are expected to outlive it) go too.
      killGroup(child.pid, "SIGKILL")
      const why = timedOut ? `timed out after ${seconds(timeoutMs)}` : signal ?? `exit code ${code}`
      done(code === 0 ? null : new Error(`${label} failed (${why})`))
    })
  })
}

function killGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal)
  } catch {
    // already gone
  }
}

/** Processes on this machine (Linux /proc); null where /proc is not available. */
function listProcesses() {
  if (!fs.existsSync("/proc/self/stat")) return null
  const processes = []
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      let cwd = ""
      try {
        cwd = fs.readlinkSync(`/proc/${entry}/cwd`)
      } catch {}
      processes.push({
        pid: Number(entry),
        state: fields[0],
        pgrp: Number(fields[2]),
        cmdline: fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ").trim(),
        cwd,
      })
    } catch {
      // exited meanwhile
    }
  }
  return processes.filter((p) => p.pid !== process.pid && p.state !== "Z")
}

function groupAlive(pgid) {
  const processes = listProcesses()
  if (processes) return processes.some((p) => p.pgrp === pgid)
  try {
    process.kill(-pgid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

/** SIGTERM to the whole group, SIGKILL after a grace period. True when it is gone. */
async function stopGroup(pgid, graceMs = 15_000) {
  killGroup(pgid, "SIGTERM")
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return true
    await sleep(200)
  }
  killGroup(pgid, "SIGKILL")
  for (let i = 0; i < 25; i++) {
    if (!groupAlive(pgid)) return true
    await sleep(200)
  }
  return false
}

/** Processes still running from (or naming) one of the given folders. */
function processesUnder(folders) {
  const processes = listProcesses()
  if (!processes) return []
  return processes.filter((p) =>
    folders.some((folder) => folder && (p.cmdline.includes(folder) || p.cwd === folder || p.cwd.startsWith(folder + "/")))
  )
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.once("error", () => resolve(false))
    probe.listen(port, () => probe.close(() => resolve(true)))
  })
}

function anyFreePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once("error", reject)
    probe.listen(0, () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

async function sql(url, text, params) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return await client.query(text, params)
  } finally {
    await client.end().catch(() => {})
  }
}

function listFiles(dir) {
  const files = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...listFiles(full))
    else if (entry.isFile()) files.push(full)
  }
  return files
}

function dirSize(dir) {
  const result = spawnSync("du", ["-sm", dir], { encoding: "utf8" })
  return result.status === 0 ? `${result.stdout.split("\t")[0]} MB` : "?"
}

// ----------------------------------------------------------------- phases

async function buildAndPack() {
  await run("npm run build", "npm", ["run", "build"], { cwd: repo, logName: "build", timeoutMs: 300_000 })
  const packDir = path.join(tmpRoot, "pack")
  fs.mkdirSync(packDir)
  const packJson = path.join(tmpRoot, "logs", "pack.json")
  await run("npm pack", "npm", ["pack", "--json", "--pack-destination", packDir], {
    cwd: repo,
    logName: "pack",
    stdoutFile: packJson,
  })
  // Only JSON is expected on stdout; should a pack lifecycle script print, the JSON is the last part.
  const packOutput = fs.readFileSync(packJson, "utf8")
  const jsonStart = packOutput.trimStart().startsWith("[") ? 0 : packOutput.lastIndexOf("\n[") + 1
  const [{ filename, size, entryCount }] = JSON.parse(packOutput.slice(jsonStart))
  const tarball = path.join(packDir, filename)
  assert("npm pack wrote the tarball", fs.existsSync(tarball), `${filename}, ${entryCount} files, ${(size / 1024).toFixed(0)} kB`)

  const listing = spawnSync("tar", ["-tzf", tarball], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  assert("tarball is readable", listing.status === 0, listing.stderr.trim())
  const entries = listing.stdout.split("\n").filter(Boolean)
  const has = (file) => entries.includes(`package/${file}`)

  check("ships .medusa/server/src/modules/loyalty/index.js", has(".medusa/server/src/modules/loyalty/index.js"))
  check("ships .medusa/server/src/modules/order-facts/index.js", has(".medusa/server/src/modules/order-facts/index.js"))
  check("ships .medusa/server/src/modules/reviews/index.js", has(".medusa/server/src/modules/reviews/index.js"))
  check("ships .medusa/server/src/modules/tickets/index.js", has(".medusa/server/src/modules/tickets/index.js"))
  check("ships .medusa/server/src/modules/surveys/index.js", has(".medusa/server/src/modules/surveys/index.js"))
  check("ships .medusa/server/src/modules/segments/index.js", has(".medusa/server/src/modules/segments/index.js"))
  check(
    "ships the loyalty module's migrations",
    entries.some((e) => /^package\/\.medusa\/server\/src\/modules\/loyalty\/migrations\/Migration[^/]*\.js$/.test(e))
  )
  check(
    "ships the admin extensions (.medusa/server/src/admin/index.js|.mjs)",
    has(".medusa/server/src/admin/index.js") || has(".medusa/server/src/admin/index.mjs")
  )

  // Every concrete file package.json "exports" names must be in the tarball.
  const exportTargets = new Set()
  const collect = (value) => {
    if (typeof value === "string") {
      if (!value.includes("*")) exportTargets.add(value.replace(/^\.\//, ""))
    } else if (value && typeof value === "object") {
      Object.values(value).forEach(collect)
    }
  }
  collect(repoPkg.exports)
  const missingExports = [...exportTargets].filter((file) => !has(file))
  check("every file named in package.json \"exports\" ships", missingExports.length === 0, missingExports.join(", "))

  const templatesDir = path.join(repo, "templates")
  if (fs.existsSync(templatesDir)) {
    const templateFiles = listFiles(templatesDir)
      .map((file) => path.relative(repo, file).split(path.sep).join("/"))
      .filter((file) => !path.basename(file).startsWith("."))
    const missing = templateFiles.filter((file) => !has(file))
    check(
      "ships templates/",
      entries.some((e) => e.startsWith("package/templates/")) && missing.length === 0,
      missing.length ? `missing: ${missing.slice(0, 10).join(", ")}` : `${templateFiles.length} files`
    )
  } else {
    log("  (no templates/ folder in the repo: not checked)")
  }

  const forbidden = [
    [/^package\/src\//, "src/ sources"],
    [/^package\/.*(?<!\.d)\.tsx?$/, "TypeScript sources (*.ts other than *.d.ts)"],
    [/(^|\/)integration-tests(\/|$)/, "integration-tests"],
    [/(^|\/)__tests__(\/|$)|\.(spec|test)\.[cm]?[jt]sx?$/, "unit tests"],
    [/(^|\/)\.medusa-pg(\/|$)/, ".medusa-pg"],
    [/(^|\/)node_modules(\/|$)/, "node_modules"],
    [/(^|\/)\.env(\.|$)/, ".env files"],
    [/^package\/\.medusa\/server\/medusa-plugin-options\.json$/, "a plugin:develop leftover (medusa-plugin-options.json)"],
  ]
  for (const [pattern, what] of forbidden) {
    const found = entries.filter((e) => pattern.test(e))
    check(`does not ship ${what}`, found.length === 0, found.slice(0, 5).join(", "))
  }
  return tarball
}

function writeStore(storeDir, port) {
  const dev = repoPkg.devDependencies
  const pin = (name) => {
    const version = dev[name] ?? repoPkg.peerDependencies?.[name]
    if (!version) throw new Error(`no version of ${name} in the repo's package.json`)
    return version
  }
  const storePkg = {
    name: "crm-install-check-store",
    version: "0.0.0",
    private: true,
    scripts: { build: "medusa build", start: "medusa start", dev: "medusa develop" },
    dependencies: Object.fromEntries(
      [
        "@medusajs/admin-sdk",
        "@medusajs/cli",
        "@medusajs/draft-order",
        "@medusajs/framework",
        "@medusajs/icons",
        "@medusajs/js-sdk",
        "@medusajs/medusa",
        "@medusajs/ui",
        "react",
        "react-dom",
      ].map((name) => [name, pin(name)])
    ),
    devDependencies: Object.fromEntries(
      ["@swc/core", "@types/node", "ts-node", "typescript"].map((name) => [name, pin(name)])
    ),
    engines: { node: ">=20" },
  }
  fs.mkdirSync(storeDir)
  fs.writeFileSync(path.join(storeDir, "package.json"), JSON.stringify(storePkg, null, 2) + "\n")

  // The Medusa starter's tsconfig.json.
  const tsconfig = {
    compilerOptions: {
      target: "ES2021",
      esModuleInterop: true,
      module: "Node16",
      moduleResolution: "Node16",
      emitDecoratorMetadata: true,
      experimentalDecorators: true,
      skipLibCheck: true,
      skipDefaultLibCheck: true,
      declaration: false,
      sourceMap: false,
      inlineSourceMap: true,
      outDir: "./.medusa/server",
      rootDir: "./",
      jsx: "react-jsx",
      forceConsistentCasingInFileNames: true,
      resolveJsonModule: true,
      checkJs: false,
      strictNullChecks: true,
    },
    "ts-node": { swc: true },
    include: ["**/*", ".medusa/types/*"],
    exclude: ["node_modules", ".medusa/server", ".medusa/admin", ".cache"],
  }
  fs.writeFileSync(path.join(storeDir, "tsconfig.json"), JSON.stringify(tsconfig, null, 2) + "\n")

  fs.writeFileSync(
    path.join(storeDir, "medusa-config.ts"),
    `import { loadEnv, defineConfig } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS!,
      adminCors: process.env.ADMIN_CORS!,
      authCors: process.env.AUTH_CORS!,
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  plugins: [
    {
      resolve: "medusa-plugin-crm",
      options: { default_locale: "en", emails: { store_name: "Install check" } },
    },
  ],
})
`
  )
  log(`  store written in ${storeDir} (port ${port})`)
}

async function installStore(storeDir, tarball, env) {
  const started = Date.now()
  await run(
    "npm install",
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=warn", tarball],
    { cwd: storeDir, env, logName: "npm-install", timeoutMs: 480_000 }
  )
  log(`  npm install took ${seconds(Date.now() - started)} (node_modules: ${dirSize(path.join(storeDir, "node_modules"))})`)

  const installed = path.join(storeDir, "node_modules", "medusa-plugin-crm")
  const installedPkg = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"))
  check(
    "the store has medusa-plugin-crm from the tarball (a real folder, not a symlink)",
    installedPkg.version === repoPkg.version && !fs.lstatSync(installed).isSymbolicLink(),
    `version ${installedPkg.version}`
  )
  const nested = path.join(installed, "node_modules", "@medusajs")
  check(
    "one copy of @medusajs/* (none nested under the plugin)",
    !fs.existsSync(nested),
    fs.existsSync(nested) ? fs.readdirSync(nested).join(", ") : ""
  )
}

async function createDatabase() {
  pgDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-install-check-pg-"))
  const dbServer = await resolveDatabaseServer({
    embeddedDataDir: pgDataDir,
    embeddedPort: PG_PORT,
    persistent: false,
    log: (line) => log(`  ${line}`),
  })
  const { connection } = dbServer
  const name = `crm_install_check_${suffix}`
  let adminUrl
  let storeUrl
  if (dbServer.source === "DATABASE_URL") {
    // The server DATABASE_URL names, with its options (e.g. sslmode); a database of our own on it.
    adminUrl = process.env.DATABASE_URL
    const url = new URL(process.env.DATABASE_URL)
    url.pathname = `/${name}`
    storeUrl = url.toString()
  } else {
    adminUrl = `${serverUrl(connection)}/postgres`
    storeUrl = `${serverUrl(connection)}/${name}`
  }
  database = { server: dbServer, adminUrl, name, created: false }
  log(`  PostgreSQL from ${dbServer.source} (${connection.host}:${connection.port}), database ${name}`)
  await sql(adminUrl, `create database "${name}"`)
  database.created = true
  return storeUrl
}

async function dropDatabase() {
  if (!database?.created) return
  try {
    await sql(database.adminUrl, `drop database if exists "${database.name}" with (force)`)
  } catch (error) {
    // PostgreSQL < 13 has no WITH (FORCE).
    await sql(
      database.adminUrl,
      "select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [database.name]
    )
    await sql(database.adminUrl, `drop database if exists "${database.name}"`)
  }
  const { rowCount } = await sql(database.adminUrl, "select 1 from pg_database where datname = $1", [database.name])
  database.created = rowCount > 0
  check("the throwaway database is dropped", rowCount === 0, database.name)
}

async function startServer(storeDir, env, port) {
  const cwd = path.join(storeDir, ".medusa", "server")
  const logFile = path.join(tmpRoot, "logs", "server.log")
  const out = fs.openSync(logFile, "a")
  const medusa = path.join(storeDir, "node_modules", ".bin", "medusa")
  log(`  $ medusa start   (in ${cwd}, NODE_ENV=production, PORT=${port})`)
  const child = spawn(medusa, ["start"], { cwd, env, detached: true, stdio: ["ignore", out, out] })
  fs.closeSync(out)
  server = { pid: child.pid, logFile, exited: null }
  child.on("exit", (code, signal) => {
    server.exited = signal ?? `exit code ${code}`
  })

  const started = Date.now()
  const base = `http://localhost:${port}`
  while (Date.now() - started < BOOT_TIMEOUT_MS) {
    if (server.exited) {
      throw new Error(`the store exited during boot (${server.exited})`)
    }
    try {
      const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) {
        check("the store boots with the plugin and /health answers", true, `after ${seconds(Date.now() - started)}`)
        return base
      }
    } catch {
      // not listening yet
    }
    await sleep(500)
  }
  throw new Error(`/health did not answer within ${seconds(BOOT_TIMEOUT_MS)}`)
}

/** A response for a check's detail: the status, and the body when it is not a 2xx. */
function answer(response, success = "") {
  return response.status >= 200 && response.status < 300
    ? `${response.status}${success ? ` ${success}` : ""}`
    : `${response.status} ${response.text}`
}

function api(base) {
  return async (method, urlPath, { token, key, body } = {}) => {
    const headers = { accept: "application/json" }
    if (body) headers["content-type"] = "application/json"
    if (token) headers.authorization = `Bearer ${token}`
    if (key) headers["x-publishable-api-key"] = key
    const res = await fetch(`${base}${urlPath}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    })
    const text = await res.text()
    let json
    try {
      json = JSON.parse(text)
    } catch {}
    return { status: res.status, json, text: text.slice(0, 300) }
  }
}

async function checkRoutes(base, storeDbUrl, admin) {
  const call = api(base)

  const adminLogin = await call("POST", "/auth/user/emailpass", { body: { email: admin.email, password: admin.password } })
  assert("admin logs in (POST /auth/user/emailpass)", adminLogin.status === 200 && adminLogin.json?.token, answer(adminLogin))
  const adminToken = adminLogin.json.token

  // db:migrate / the first start create a default publishable key; else make one.
  const { rows } = await sql(
    storeDbUrl,
    "select token from api_key where type = 'publishable' and deleted_at is null and revoked_at is null order by created_at limit 1"
  )
  let key = rows[0]?.token
  if (!key) {
    const created = await call("POST", "/admin/api-keys", {
      token: adminToken,
      body: { title: "Install check", type: "publishable" },
    })
    key = created.json?.api_key?.token
  }
  assert("a publishable API key", key, key ? `${rows[0] ? "default" : "created"} key` : "none")

  const email = `customer-${suffix}@install-check.test`
  const password = `pw-${suffix}`
  const registered = await call("POST", "/auth/customer/emailpass/register", { body: { email, password } })
  assert("customer registers (POST /auth/customer/emailpass/register)", registered.status === 200 && registered.json?.token, answer(registered))
  const createdCustomer = await call("POST", "/store/customers", {
    token: registered.json.token,
    key,
    body: { email, first_name: "Install", last_name: "Check" },
  })
  assert("customer is created (POST /store/customers)", createdCustomer.status === 200 && createdCustomer.json?.customer?.id, answer(createdCustomer, createdCustomer.json?.customer?.id))
  const customerId = createdCustomer.json.customer.id
  const login = await call("POST", "/auth/customer/emailpass", { body: { email, password } })
  assert("customer logs in (POST /auth/customer/emailpass)", login.status === 200 && login.json?.token, answer(login))

  const account = await call("GET", "/store/loyalty/account", { token: login.json.token, key })
  const acc = account.json?.loyalty_account
  check(
    "GET /store/loyalty/account answers 200 with the customer's account",
    account.status === 200 && acc?.id?.startsWith("lpacc_") && acc.points_balance === 0 && acc.customer_id === customerId,
    `${account.status} ${acc ? `${acc.id}, points_balance ${acc.points_balance}` : account.text}`
  )
  const anonymous = await call("GET", "/store/loyalty/account", { key })
  check("GET /store/loyalty/account without login answers 401", anonymous.status === 401, `${anonymous.status}`)

  const adminView = await call("GET", `/admin/customers/${customerId}/loyalty`, { token: adminToken })
  const adminAcc = adminView.json?.loyalty_account
  check(
    "GET /admin/customers/:id/loyalty answers 200 with the same account",
    adminView.status === 200 && adminAcc?.id === acc?.id,
    `${adminView.status} ${adminAcc ? adminAcc.id : adminView.text}`
  )
  const adminAnonymous = await call("GET", `/admin/customers/${customerId}/loyalty`)
  check("GET /admin/customers/:id/loyalty without login answers 401", adminAnonymous.status === 401, `${adminAnonymous.status}`)

  const { rows: accounts } = await sql(storeDbUrl, "select id from crm_loyalty_account where customer_id = $1", [customerId])
  check("the account is a row in crm_loyalty_account", accounts.length === 1 && accounts[0].id === acc?.id)

  const tiers = await call("GET", "/store/loyalty/tiers", { key })
  const names = (tiers.json?.tiers ?? []).map((tier) => tier.name)
  check(
    "GET /store/loyalty/tiers answers 200 with the default ladder, without login",
    tiers.status === 200 && names.join(",") === "Basic,Silver,Gold,Diamond",
    `${tiers.status} ${names.join(", ") || tiers.text}`
  )
  const adminTiers = await call("GET", "/admin/loyalty/tiers", { token: adminToken })
  const groupIds = (adminTiers.json?.tiers ?? []).map((tier) => tier.customer_group_id).filter(Boolean)
  check("GET /admin/loyalty/tiers answers 200 with the ladder", adminTiers.status === 200 && adminTiers.json.tiers.length === 4, `${adminTiers.status}`)
  const evaluation = await call("POST", "/admin/loyalty/tiers/evaluate", { token: adminToken })
  check("POST /admin/loyalty/tiers/evaluate answers 200 with its counts", evaluation.status === 200 && !!evaluation.json?.evaluation, `${evaluation.status}`)
  const placed = await call("GET", "/store/loyalty/account", { token: login.json.token, key })
  const { rows: groups } = await sql(
    storeDbUrl,
    `select g.name, count(l.customer_id)::int as members from customer_group g
       left join customer_group_customer l on l.customer_group_id = g.id and l.customer_id = $1 and l.deleted_at is null
      where g.deleted_at is null and g.name like 'Loyalty tier: %' group by g.name order by g.name`,
    [customerId]
  )
  check(
    "the new member is on Basic and in its customer group, one of the 4 tier groups",
    placed.json?.loyalty_account?.tier?.name === "Basic" &&
      groups.length === 4 &&
      groups.every((group) => group.members === (group.name === "Loyalty tier: Basic" ? 1 : 0)),
    `${placed.json?.loyalty_account?.tier?.name ?? placed.text}; ${groups.map((g) => `${g.name}: ${g.members}`).join(", ")}; ${groupIds.length} groups listed before`
  )
  await checkReviewRoutes(call, { key, customerToken: login.json.token, adminToken })
  await checkSegmentRoutes(call, { adminToken, customerId })
}

async function checkSegmentRoutes(call, { adminToken, customerId }) {
  const created = await call("POST", "/admin/segments", {
    token: adminToken,
    body: { name: "Everyone", rules: { all: [{ field: "order_count", op: "gte", value: 0 }] }, refresh: "manual" },
  })
  check(
    "POST /admin/segments answers 200 with the segment, its customer group and its members",
    created.status === 200 && !!created.json?.segment?.customer_group_id && created.json.segment.member_count >= 1,
    `${created.status} ${created.text?.slice(0, 200)}`
  )
  const mine = await call("GET", `/admin/customers/${customerId}/segments`, { token: adminToken })
  check(
    "GET /admin/customers/:id/segments lists the new segment",
    mine.status === 200 && mine.json?.segments?.some((segment) => segment.name === "Everyone"),
    `${mine.status}`
  )
  const rfm = await call("POST", "/admin/crm/rfm", { token: adminToken })
  check("POST /admin/crm/rfm scores and answers the ten groups", rfm.status === 200 && rfm.json?.groups?.length === 10 && !!rfm.json.scored_at, `${rfm.status}`)
  const anonymous = await call("GET", "/admin/segments")
  check("GET /admin/segments without login answers 401", anonymous.status === 401, `${anonymous.status}`)
}

async function checkReviewRoutes(call, { key, customerToken, adminToken }) {
  const mine = await call("GET", "/store/customers/me/reviews", { token: customerToken, key })
  check("GET /store/customers/me/reviews answers 200 with an empty list", mine.status === 200 && mine.json?.count === 0, `${mine.status}`)
  const anonymous = await call("GET", "/store/customers/me/reviews", { key })
  check("GET /store/customers/me/reviews without login answers 401", anonymous.status === 401, `${anonymous.status}`)
  const queue = await call("GET", "/admin/reviews?status=pending", { token: adminToken })
  check("GET /admin/reviews answers 200 with the queue", queue.status === 200 && Array.isArray(queue.json?.reviews), `${queue.status}`)
  const settings = await call("GET", "/admin/reviews/settings", { token: adminToken })
  check(
    "GET /admin/reviews/settings answers 200 with the moderation defaults",
    settings.status === 200 && settings.json?.settings?.auto_approve === "verified",
    `${settings.status}`
  )
}

/**
 * The plugin's admin extensions in the store's admin build: the generated
 * entry imports the plugin's admin, the served /app answers, and strings only
 * the plugin's admin bundle has (not the dashboard's) are in the built assets.
 */
async function checkAdmin(storeDir, base) {
  const entryFile = path.join(storeDir, ".medusa", "client", "entry.jsx")
  const entry = fs.existsSync(entryFile) ? fs.readFileSync(entryFile, "utf8") : ""
  check("the admin build imports the plugin's admin (medusa-plugin-crm/admin)", /from\s+["']medusa-plugin-crm\/admin["']/.test(entry))

  const app = await fetch(`${base}/app`, { signal: AbortSignal.timeout(30_000) })
  const html = await app.text()
  check("the built admin is served at /app", app.status === 200 && /<script[^>]+src=/.test(html), `${app.status}`)

  const pluginAdmin = path.join(storeDir, "node_modules", "medusa-plugin-crm", ".medusa", "server", "src", "admin", "index.mjs")
  const pluginSource = fs.readFileSync(pluginAdmin, "utf8")
  // What the plugin's admin bundle registers: widget zones and UI routes.
  const zones = [...pluginSource.matchAll(/\bzone:\s*\[([^\]]*)\]/g)].map((m) => m[1].replace(/["'\s]/g, ""))
  const routeList = pluginSource.match(/routeModule\s*=\s*\{\s*routes:\s*\[([\s\S]*?)\]\s*\}/)?.[1] ?? ""
  const routeCount = (routeList.match(/\bpath:/g) ?? []).length
  const extensionCount = zones.length + routeCount
  const assetsDir = path.join(storeDir, ".medusa", "server", "public", "admin")
  const assets = listFiles(assetsDir)
    .filter((file) => /\.m?js$/.test(file))
    .map((file) => fs.readFileSync(file, "utf8"))
    .join("\n")
  if (extensionCount === 0) {
    log("  (the plugin's admin bundle has no widgets or routes yet: only its import is checked)")
    return
  }
  const dashboardDir = path.join(storeDir, "node_modules", "@medusajs")
  const known = ["dashboard", "ui", "icons", "admin-sdk"]
    .map((name) => path.join(dashboardDir, name, "dist"))
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => listFiles(dir).filter((file) => /\.m?js$/.test(file)))
    .map((file) => fs.readFileSync(file, "utf8"))
    .join("\n")
  const literals = new Set()
  for (const match of pluginSource.matchAll(/(["'])([ -~]{6,120}?)\1/g)) {
    const value = match[2]
    if (/[\\"'`]/.test(value) || !/[a-z]{3}/i.test(value) || known.includes(value)) continue
    literals.add(value)
  }
  // Most, not all: the store's build may drop a few (dead code, other
  // spellings); without the plugin almost none would be there.
  const found = [...literals].filter((value) => assets.includes(value)).sort((a, b) => b.length - a.length)
  check(
    "the built admin contains the plugin's extension code",
    literals.size > 0 && found.length >= literals.size / 2,
    `widgets in ${zones.join(", ") || "no zone"}, ${routeCount} route(s); ${found.length} of ${literals.size} plugin-only strings found, e.g. ${found
      .slice(0, 3)
      .map((value) => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value))
      .join(", ")}`
  )
}

// ---------------------------------------------------------------- cleanup

let cleanupPromise
function cleanup() {
  cleanupPromise ??= (async () => {
    log("\n== cleanup")
    const started = Date.now()
    for (const [pgid, label] of activeGroups) {
      log(`  stopping ${label} (process group ${pgid})`)
      stoppedByCleanup.add(pgid)
      await stopGroup(pgid, 5_000)
    }
    if (server) {
      const stopping = Date.now()
      const gone = await stopGroup(server.pid)
      check("the store's whole process group is stopped", gone, `process group ${server.pid}, ${seconds(Date.now() - stopping)}`)
    }
    let left = processesUnder([tmpRoot])
    for (let i = 0; i < 25 && left.length; i++) {
      await sleep(200)
      left = processesUnder([tmpRoot])
    }
    check(
      "no process is left from the store",
      left.length === 0,
      left.map((p) => `${p.pid} ${p.cmdline.slice(0, 120)}`).join("; ")
    )
    for (const p of left) {
      // By process id: they run from our own temp folder.
      try {
        process.kill(p.pid, "SIGKILL")
      } catch {}
    }
    try {
      await dropDatabase()
    } catch (error) {
      check("the throwaway database is dropped", false, `${database?.name}: ${error.message}`)
    }
    if (database?.server) {
      try {
        await database.server.stop()
      } catch (error) {
        check("the embedded PostgreSQL stops", false, error.message)
      }
      if (database.server.source === "embedded") {
        const pgLeft = processesUnder([pgDataDir])
        check("the embedded PostgreSQL is stopped", pgLeft.length === 0, pgLeft.map((p) => p.pid).join(", "))
      }
    }
    if (pgDataDir) fs.rmSync(pgDataDir, { recursive: true, force: true })
    if (tmpRoot) {
      if (KEEP) {
        log(`  KEEP_INSTALL_CHECK=1: kept ${tmpRoot}`)
      } else {
        const removing = Date.now()
        fs.rmSync(tmpRoot, { recursive: true, force: true })
        log(`  removed ${tmpRoot} (${seconds(Date.now() - removing)})`)
      }
    }
    timings.push(["cleanup", Date.now() - started])
  })()
  return cleanupPromise
}

function summary(error) {
  const failed = checks.filter((c) => !c.ok)
  log("\n== summary")
  for (const [name, ms] of timings) log(`  ${name.padEnd(34)} ${seconds(ms).padStart(8)}`)
  log(`  ${"total".padEnd(34)} ${seconds(Date.now() - t0).padStart(8)}`)
  log(`  ${checks.length - failed.length} of ${checks.length} checks passed`)
  for (const c of failed) log(`  FAILED: ${c.name}${c.detail ? ` (${c.detail})` : ""}`)
  if (error) log(`  ERROR: ${error.message}`)
  const ok = !error && failed.length === 0 && checks.length > 0
  log(ok ? "\ninstall check PASSED" : "\ninstall check FAILED")
  return ok
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, async () => {
    log(`\n${signal}: cleaning up`)
    await cleanup().catch((error) => log(`cleanup: ${error.message}`))
    summary(new Error(`interrupted by ${signal}`))
    process.exit(128 + os.constants.signals[signal])
  })
}

// ------------------------------------------------------------------ main

async function main() {
  tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "crm-install-check-"))
  fs.mkdirSync(path.join(tmpRoot, "logs"))
  const storeDir = path.join(tmpRoot, "store")
  log(`medusa-plugin-crm ${repoPkg.version} install check in ${tmpRoot}`)

  let error
  try {
    const tarball = await phase("build and pack", buildAndPack)

    const port = (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : await anyFreePort()
    if (port !== PREFERRED_PORT) log(`  port ${PREFERRED_PORT} is taken: the store uses ${port}`)
    const secret = crypto.randomBytes(16).toString("hex")
    // Medusa's telemetry forks a detached sender even with
    // MEDUSA_DISABLE_TELEMETRY set; only its config file turns that off. A
    // config folder of the store's own keeps the user's untouched.
    const configHome = path.join(tmpRoot, "config")
    fs.mkdirSync(path.join(configHome, "medusa"), { recursive: true })
    fs.writeFileSync(path.join(configHome, "medusa", "config.json"), JSON.stringify({ telemetry: { enabled: false } }))
    const baseEnv = childEnv({
      XDG_CONFIG_HOME: configHome,
      MEDUSA_DISABLE_TELEMETRY: "true",
      PORT: String(port),
      JWT_SECRET: secret,
      COOKIE_SECRET: secret,
      STORE_CORS: `http://localhost:${port}`,
      ADMIN_CORS: `http://localhost:${port}`,
      AUTH_CORS: `http://localhost:${port}`,
    })
    delete baseEnv.DATABASE_URL

    await phase("store: write and npm install", async () => {
      writeStore(storeDir, port)
      await installStore(storeDir, tarball, baseEnv)
    })

    const medusa = path.join(storeDir, "node_modules", ".bin", "medusa")
    const admin = { email: `admin-${suffix}@install-check.test`, password: `pw-${crypto.randomBytes(8).toString("hex")}` }
    let storeDbUrl
    // `medusa build` needs no database: it runs alongside db:migrate.
    await Promise.all([
      phase("database, db:migrate, medusa user", async () => {
        storeDbUrl = await createDatabase()
        const env = { ...baseEnv, DATABASE_URL: storeDbUrl, NODE_ENV: "development" }
        await run("medusa db:migrate", medusa, ["db:migrate"], { cwd: storeDir, env, logName: "db-migrate", timeoutMs: 300_000 })
        const { rows } = await sql(
          storeDbUrl,
          "select table_name from information_schema.tables where table_schema = 'public' and table_name like 'crm\\_%' order by 1"
        )
        const tables = rows.map((row) => row.table_name)
        check("db:migrate ran the plugin's migrations (crm_loyalty_account exists)", tables.includes("crm_loyalty_account"), tables.join(", "))
        check(
          "db:migrate ran the order-facts module's migrations (crm_order_fact, crm_order_line_fact)",
          tables.includes("crm_order_fact") && tables.includes("crm_order_line_fact"),
          tables.join(", ")
        )
        check(
          "db:migrate ran the reviews module's migrations (crm_review, crm_review_summary, crm_review_moderation)",
          ["crm_review", "crm_review_summary", "crm_review_moderation"].every((table) => tables.includes(table)),
          tables.join(", ")
        )
        check(
          "db:migrate ran the tickets module's migrations (crm_ticket, crm_ticket_message, crm_ticket_compensation)",
          ["crm_ticket", "crm_ticket_message", "crm_ticket_compensation"].every((table) => tables.includes(table)),
          tables.join(", ")
        )
        check(
          "db:migrate ran the surveys module's migrations (crm_survey, crm_survey_invitation, crm_survey_response, crm_survey_settings, crm_survey_daily_count)",
          ["crm_survey", "crm_survey_invitation", "crm_survey_response", "crm_survey_settings", "crm_survey_daily_count"].every((table) => tables.includes(table)),
          tables.join(", ")
        )
        check(
          "db:migrate ran the segments module's migrations (crm_segment, crm_segment_member, crm_customer_rfm, crm_rfm_run) and the order facts' country",
          ["crm_segment", "crm_segment_member", "crm_customer_rfm", "crm_rfm_run"].every((table) => tables.includes(table)),
          tables.join(", ")
        )
        await run("medusa user", medusa, ["user", "-e", admin.email, "-p", admin.password], { cwd: storeDir, env, logName: "medusa-user", timeoutMs: 120_000 })
      }),
      phase("medusa build (alongside)", async () => {
        const env = { ...baseEnv, NODE_ENV: "production" }
        await run("medusa build", medusa, ["build"], { cwd: storeDir, env, logName: "medusa-build", timeoutMs: 300_000 })
        check("medusa build wrote the admin", fs.existsSync(path.join(storeDir, ".medusa", "server", "public", "admin", "index.html")))
      }),
    ])

    let base
    await phase("boot (medusa start)", async () => {
      const env = { ...baseEnv, DATABASE_URL: storeDbUrl, NODE_ENV: "production" }
      base = await startServer(storeDir, env, port)
    })

    await phase("plugin routes and admin", async () => {
      await checkRoutes(base, storeDbUrl, admin)
      await checkAdmin(storeDir, base)
    })
  } catch (caught) {
    error = caught
    log(`\nERROR: ${caught.message}`)
  }
  if (server && (error || checks.some((c) => !c.ok))) {
    log(`\n--- last lines of the store's log (${server.logFile})\n${tail(server.logFile, 80)}\n---`)
  }

  await cleanup().catch((caught) => {
    error ??= caught
    log(`cleanup: ${caught.stack}`)
  })
  const ok = summary(error)
  process.exit(ok ? 0 : 1)
}

main()
