/**
 * The dev store (this repository's medusa-config.ts) run as Medusa's
 * production topology: one `server` process and `worker` processes, each a
 * real `medusa start`, sharing a fresh PostgreSQL database and a Redis
 * database (event bus, workflow engine, locking, cache).
 */
import { ChildProcess, spawn, spawnSync } from "child_process"
import crypto from "crypto"
import fs from "fs"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"

// Plain CommonJS helpers shared with the npm scripts.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serverUrl } = require("../../scripts/lib/database")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { flushRedisDatabase } = require("../../scripts/lib/redis")
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { waitForHealth } = require("../../scripts/lib/wait-for-health")

const root = path.resolve(__dirname, "../..")
const medusaCli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })

export type Role = "server" | "worker"

export type MedusaProcess = {
  name: string
  role: Role
  port: number
  baseUrl: string
  child: ChildProcess
  pid: number
  /** Every line it printed (in all its lives under this name), for assertions on its logs. */
  lines: string[]
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  logFile: string
}

export type ClusterOptions = {
  /** Extra environment for every Medusa process (e.g. job schedules, fault switches). */
  env?: Record<string, string>
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

export class Cluster {
  readonly run = crypto.randomBytes(4).toString("hex")
  readonly databaseName = `crm_scale_${this.run}`
  readonly logDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-scale-"))
  readonly redisUrl: string
  readonly databaseUrl: string
  readonly processes = new Map<string, MedusaProcess>()
  private readonly serverConnection: string
  private readonly env: Record<string, string>
  db!: Client

  constructor(options: ClusterOptions = {}) {
    const redis = new URL(process.env.REDIS_URL || "redis://127.0.0.1:6379")
    redis.pathname = `/${process.env.CRM_SCALE_REDIS_DB || "13"}`
    this.redisUrl = redis.toString()
    this.serverConnection = serverUrl({
      user: process.env.DB_USERNAME || "postgres",
      password: process.env.DB_PASSWORD || "",
      host: process.env.DB_HOST || "localhost",
      port: Number(process.env.DB_PORT || 5432),
    })
    this.databaseUrl = `${this.serverConnection}/${this.databaseName}`
    this.env = options.env ?? {}
  }

  /** What every Medusa command of this cluster runs with. */
  private commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const inherited = { ...process.env }
    // The jest runner's settings for in-process tests do not apply to these stores.
    for (const name of ["CRM_SCHEDULED_JOBS", "NODE_OPTIONS", "TEST_TYPE", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD"]) {
      delete inherited[name]
    }
    return {
      ...inherited,
      NODE_ENV: "development",
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redisUrl,
      MEDUSA_ADMIN_DISABLE: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      LOG_LEVEL: "info",
      // Survey e-mails carry an absolute link; any host will do here.
      MEDUSA_BACKEND_URL: "http://shop.scale.test",
      ...this.env,
      ...extra,
    }
  }

  /** A fresh database with Medusa's and the plugin's migrations, an empty Redis database. */
  async prepare() {
    await flushRedisDatabase(this.redisUrl)
    const admin = new Client({ connectionString: `${this.serverConnection}/postgres` })
    await admin.connect()
    await admin.query(`create database "${this.databaseName}"`)
    await admin.end()
    this.medusaCommand(["db:migrate"], "migrate", { REDIS_URL: "" })
    this.db = new Client({ connectionString: this.databaseUrl })
    await this.db.connect()
  }

  /**
   * Runs a Medusa CLI command to the end (migrations, `exec` scripts) and
   * returns its output; throws with the log's tail when it fails.
   */
  medusaCommand(args: string[], logName: string, env: Record<string, string> = {}): string {
    const result = spawnSync(process.execPath, [medusaCli, ...args], {
      cwd: root,
      env: this.commandEnv(env),
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    })
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`
    fs.writeFileSync(path.join(this.logDir, `${logName}.log`), output)
    if (result.status !== 0) {
      throw new Error(`medusa ${args.join(" ")} failed (${result.status}):\n${output.split("\n").slice(-40).join("\n")}`)
    }
    return output
  }

  /** Starts `medusa start` as `role` under `name` and resolves once /health answers. */
  async start(name: string, role: Role, env: Record<string, string> = {}): Promise<MedusaProcess> {
    const port = await freePort()
    const logFile = path.join(this.logDir, `${name}.log`)
    const log = fs.createWriteStream(logFile, { flags: "a" })
    const child = spawn(process.execPath, [medusaCli, "start", "--port", String(port)], {
      cwd: root,
      env: this.commandEnv({ MEDUSA_WORKER_MODE: role, ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    })
    // A restarted process keeps the lines of its earlier lives, so assertions see the whole run.
    const lines: string[] = this.processes.get(name)?.lines ?? []
    const collect = (stream: NodeJS.ReadableStream) => {
      let rest = ""
      stream.on("data", (chunk: Buffer) => {
        log.write(chunk)
        const parts = (rest + chunk.toString("utf8")).split("\n")
        rest = parts.pop() ?? ""
        lines.push(...parts)
      })
    }
    collect(child.stdout!)
    collect(child.stderr!)
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => {
        log.end()
        resolve({ code, signal })
      })
    )
    const processInfo: MedusaProcess = {
      name,
      role,
      port,
      baseUrl: `http://localhost:${port}`,
      child,
      pid: child.pid!,
      lines,
      exited,
      logFile,
    }
    this.processes.set(name, processInfo)
    await this.waitForHealth(processInfo)
    return processInfo
  }

  private async waitForHealth(medusa: MedusaProcess) {
    try {
      await waitForHealth(medusa.baseUrl, { name: medusa.name, done: medusa.exited }, { timeoutMs: 240_000, pollMs: 300 })
    } catch (error) {
      throw new Error(`${(error as Error).message}:\n${this.tail(medusa.name)}`)
    }
  }

  get(name: string): MedusaProcess {
    const medusa = this.processes.get(name)
    if (!medusa) {
      throw new Error(`No process named ${name}`)
    }
    return medusa
  }

  /** SIGKILL: no shutdown hooks, in-flight work simply stops, as in a crash. */
  async kill(name: string) {
    const medusa = this.get(name)
    medusa.child.kill("SIGKILL")
    await medusa.exited
  }

  /** Graceful stop (SIGTERM), then SIGKILL after 20 s. */
  async stop(name: string) {
    const medusa = this.get(name)
    if (medusa.child.exitCode !== null || medusa.child.signalCode !== null) {
      return
    }
    medusa.child.kill("SIGTERM")
    const timer = setTimeout(() => medusa.child.kill("SIGKILL"), 20_000)
    await medusa.exited
    clearTimeout(timer)
  }

  tail(name: string, count = 40) {
    return this.get(name).lines.slice(-count).join("\n")
  }

  /** Lines of all processes (or those named) matching `pattern`. */
  linesMatching(pattern: RegExp, names = [...this.processes.keys()]) {
    return names.flatMap((name) => this.get(name).lines.filter((line) => pattern.test(line)).map((line) => ({ name, line })))
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query(sql, params)).rows as T[]
  }

  /** Stops every process, drops the database (kept with CRM_SCALE_KEEP=true) and empties the Redis database. */
  async destroy() {
    await Promise.all([...this.processes.keys()].map((name) => this.stop(name)))
    await this.db?.end().catch(() => undefined)
    if (process.env.CRM_SCALE_KEEP === "true") {
      console.log(`Kept database ${this.databaseName}; logs in ${this.logDir}`)
      return
    }
    const admin = new Client({ connectionString: `${this.serverConnection}/postgres` })
    await admin.connect()
    await admin.query(`drop database if exists "${this.databaseName}" with (force)`)
    await admin.end()
    await flushRedisDatabase(this.redisUrl)
  }
}
