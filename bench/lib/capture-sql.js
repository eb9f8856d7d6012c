/**
 * Preloaded into `medusa start` by bench/tickets.js (NODE_OPTIONS=--require)
 * when BENCH_CAPTURE_SQL names a folder: the SQL one HTTP request sends.
 *
 * A request carrying an `x-bench-capture: <name>` header runs in an
 * AsyncLocalStorage context; every statement sent through `pg` from that
 * context (text, values, milliseconds until its answer) is kept, and when
 * the response is finished they are written to <folder>/<name>.json. Other
 * requests pay one header look-up and one store read per statement. This is
 * how the benchmark learns what a route asks of PostgreSQL without knowing
 * how the route is written, so that it can EXPLAIN the same statements.
 */
"use strict"

const fs = require("fs")
const http = require("http")
const path = require("path")
const { AsyncLocalStorage } = require("async_hooks")

const folder = process.env.BENCH_CAPTURE_SQL
const HEADER = "x-bench-capture"

if (folder) {
  const store = new AsyncLocalStorage()
  const root = path.resolve(__dirname, "..", "..")

  const emit = http.Server.prototype.emit
  http.Server.prototype.emit = function (event, request, response) {
    const name = event === "request" ? request.headers[HEADER] : undefined
    if (typeof name !== "string" || !/^[\w.-]{1,64}$/.test(name)) {
      return emit.apply(this, arguments)
    }
    const capture = { name, path: request.url, started: process.hrtime.bigint(), statements: [] }
    response.once("finish", () => {
      const ms = Number(process.hrtime.bigint() - capture.started) / 1e6
      fs.mkdirSync(folder, { recursive: true })
      fs.writeFileSync(
        path.join(folder, `${name}.json`),
        JSON.stringify({ name, path: capture.path, status: response.statusCode, ms, statements: capture.statements })
      )
    })
    return store.run(capture, () => emit.apply(this, arguments))
  }

  /** Every copy of `pg` that Medusa may load (knex's, MikroORM's). */
  const pgCopies = new Set()
  for (const from of [root, path.dirname(require.resolve("@mikro-orm/postgresql", { paths: [root] }))]) {
    try {
      pgCopies.add(require.resolve("pg", { paths: [from] }))
    } catch {}
  }

  for (const file of pgCopies) {
    const { Client } = require(file)
    const query = Client.prototype.query
    Client.prototype.query = function (config, values, callback) {
      const capture = store.getStore()
      if (!capture || config == null) {
        return query.apply(this, arguments)
      }
      const text = typeof config === "string" ? config : config.text
      const bindings = Array.isArray(values) ? values : config.values ?? []
      const entry = { text, values: bindings, ms: null }
      capture.statements.push(entry)
      const start = process.hrtime.bigint()
      const done = () => {
        entry.ms = Number(process.hrtime.bigint() - start) / 1e6
      }
      const args = [...arguments]
      const last = args.length - 1
      if (typeof args[last] === "function") {
        const original = args[last]
        args[last] = function () {
          done()
          return original.apply(this, arguments)
        }
        return query.apply(this, args)
      }
      if (typeof config.submit === "function" && typeof config.callback === "function") {
        const original = config.callback
        config.callback = function () {
          done()
          return original.apply(this, arguments)
        }
        return query.apply(this, args)
      }
      const result = query.apply(this, args)
      if (result && typeof result.then === "function") {
        result.then(done, done)
      }
      return result
    }
  }
}
