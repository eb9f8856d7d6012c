"use strict"

/**
 * Just enough of Redis for the scale-out test runner, without a client
 * library: whether a server answers, and emptying the numbered database the
 * test cluster uses. Commands are sent inline; only status replies
 * ("+OK", "+PONG", "-ERR ...") are read.
 */
const net = require("net")

const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379"

/** `redis://[user:pass@]host:port[/db]` into its parts. */
function redisTarget(url) {
  const parsed = new URL(url)
  return {
    host: parsed.hostname || "127.0.0.1",
    port: Number(parsed.port || 6379),
    password: parsed.password ? decodeURIComponent(parsed.password) : null,
    db: Number(parsed.pathname.replace("/", "") || 0),
  }
}

/** Sends `commands` in order and resolves with their status replies; rejects on an error reply. */
function sendCommands(url, commands, timeoutMs = 2000) {
  const target = redisTarget(url)
  const all = [...(target.password ? [["AUTH", target.password]] : []), ...commands]
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: target.host, port: target.port })
    const replies = []
    let buffer = ""
    const finish = (error) => {
      socket.destroy()
      error ? reject(error) : resolve(replies.slice(all.length - commands.length))
    }
    socket.setTimeout(timeoutMs, () => finish(new Error(`Redis at ${target.host}:${target.port} did not answer`)))
    socket.on("error", finish)
    socket.on("connect", () => {
      socket.write(all.map((args) => args.map((arg) => `"${String(arg).replace(/"/g, '\\"')}"`).join(" ") + "\r\n").join(""))
    })
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8")
      let end
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (line.startsWith("-")) return finish(new Error(`Redis: ${line.slice(1)}`))
        replies.push(line.slice(1))
        if (replies.length === all.length) return finish()
      }
    })
  })
}

async function redisAnswers(url) {
  try {
    const [reply] = await sendCommands(url, [["PING"]])
    return reply === "PONG"
  } catch {
    return false
  }
}

/** Empties the database named by the URL's path (`/13`), and only that one. */
async function flushRedisDatabase(url) {
  await sendCommands(url, [["SELECT", redisTarget(url).db], ["FLUSHDB"]])
}

module.exports = { DEFAULT_REDIS_URL, flushRedisDatabase, redisAnswers, redisTarget }
