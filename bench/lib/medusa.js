/**
 * Running Medusa CLI commands for the benchmarks, as scripts/demo.js does:
 * each command in its own process group (so it and all its children can be
 * stopped at once), output to a log file, stopped with SIGINT then SIGTERM
 * then SIGKILL. `stopAll()` stops whatever is still running.
 */
"use strict"

const fs = require("fs")
const net = require("net")
const path = require("path")
const { spawn } = require("child_process")
const { signalGroup, stopGroup: stopProcessGroup } = require("../../scripts/lib/process-group")
const { waitForHealth } = require("../../scripts/lib/wait-for-health")

const root = path.resolve(__dirname, "..", "..")
const medusaCli = require.resolve("@medusajs/cli/cli.js", { paths: [root] })
const running = new Set()

/** Starts `medusa <args>`; `done` resolves with { code, signal, lines } when it exits. */
function runMedusa(args, { env, logFile, onLine = () => {} }) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const log = fs.createWriteStream(logFile, { flags: "w" })
  const child = spawn(process.execPath, [medusaCli, ...args], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  const lines = []
  for (const stream of [child.stdout, child.stderr]) {
    let rest = ""
    stream.on("data", (chunk) => {
      log.write(chunk)
      const parts = (rest + chunk.toString("utf8")).split("\n")
      rest = parts.pop()
      for (const line of parts) {
        lines.push(line)
        onLine(line)
      }
    })
  }
  const handle = { pid: child.pid, name: `medusa ${args[0]}` }
  handle.done = new Promise((resolve) => {
    child.once("error", (error) => resolve({ code: null, signal: null, error }))
    child.once("close", (code, signal) => resolve({ code, signal }))
  }).then((result) => {
    log.end()
    running.delete(handle)
    return { ...result, lines }
  })
  running.add(handle)
  return handle
}

/** Runs a command to its end; throws with the tail of its log when it fails. */
async function runMedusaToEnd(args, options) {
  const result = await runMedusa(args, options).done
  if (result.code !== 0) {
    const tail = result.lines.slice(-25).join("\n")
    throw new Error(`medusa ${args.join(" ")} failed (code ${result.code}, signal ${result.signal}); log ${options.logFile}:\n${tail}`)
  }
  return result.lines
}

async function stopGroup(handle) {
  if (!handle.pid) return
  if (!(await stopProcessGroup(handle.pid))) {
    throw new Error(`process group ${handle.pid} (${handle.name}) did not stop`)
  }
  await handle.done
}

async function stopAll() {
  await Promise.all([...running].map((handle) => stopGroup(handle)))
}

/** Last resort on the way out: kill what is left. */
function killAllNow() {
  for (const handle of running) signalGroup(handle.pid, "SIGKILL")
}

/** The first port from `start` on which nothing listens (IPv4 and IPv6 localhost). */
async function freePort(start, tries = 100) {
  const canListen = (port, host) =>
    new Promise((resolve) => {
      const server = net.createServer()
      server.once("error", (error) => resolve(error.code === "EADDRNOTAVAIL"))
      server.listen(port, host, () => server.close(() => resolve(true)))
    })
  for (let port = start; port < start + tries; port++) {
    if ((await canListen(port, "127.0.0.1")) && (await canListen(port, "::1")) && (await canListen(port))) {
      return port
    }
  }
  throw new Error(`no free port in ${start}-${start + tries - 1}`)
}

/**
 * Ctrl-C and friends run the benchmark's `cleanUp` (unless it is already
 * stopping) and exit 130; any exit kills the Medusa process groups left.
 */
function cleanUpOnSignals(cleanUp, isStopping) {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (isStopping()) return
      cleanUp(`${signal}: stopping`).finally(() => process.exit(130))
    })
  }
  process.on("exit", killAllNow)
}

module.exports = {
  root,
  runMedusa,
  runMedusaToEnd,
  stopGroup,
  stopAll,
  killAllNow,
  cleanUpOnSignals,
  waitForHealth,
  freePort,
}
