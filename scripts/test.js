#!/usr/bin/env node
/**
 * `npm test`: unit, module and HTTP integration tests against a real
 * PostgreSQL (see scripts/lib/database.js for which one). Pass a test type
 * (unit, integration:modules, integration:http) to run only that one; any
 * further arguments go to jest (e.g. a file pattern).
 *
 * `scale` (`npm run test:scale`) is not part of the default run: it starts a
 * server and two worker processes on Redis (integration-tests/scale), and
 * is skipped with a message when no Redis answers.
 */
const fs = require("fs")
const os = require("os")
const path = require("path")
const { spawnSync } = require("child_process")
const crypto = require("crypto")
const { Client } = require("pg")
const { resolveDatabaseServer, serverUrl } = require("./lib/database")
const { DEFAULT_REDIS_URL, redisAnswers } = require("./lib/redis")

const TEST_TYPES = ["unit", "integration:modules", "integration:http"]
const OPT_IN_TYPES = ["scale"]
const root = path.resolve(__dirname, "..")

async function main() {
  const [first, ...rest] = process.argv.slice(2)
  const named = [...TEST_TYPES, ...OPT_IN_TYPES].includes(first)
  const types = named ? [first] : TEST_TYPES
  const jestArgs = named ? rest : process.argv.slice(2)

  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL
  if (types.includes("scale") && !(await redisAnswers(redisUrl))) {
    console.log(
      `test:scale skipped: no Redis answers at ${redisUrl}. The scale-out suite runs Medusa's Redis event bus, ` +
        "workflow engine and locking across real processes; start Redis (or set REDIS_URL) to run it."
    )
    return
  }

  const needsDatabase = types.some((type) => type !== "unit")
  const embeddedDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-test-pg-"))
  const database = needsDatabase
    ? await resolveDatabaseServer({
        embeddedDataDir,
        embeddedPort: Number(process.env.CRM_TEST_PG_PORT || 54329),
        persistent: false,
        log: (line) => console.log(line),
      })
    : null
  if (database) {
    console.log(`Tests use PostgreSQL from ${database.source} (${database.connection.host}:${database.connection.port})`)
  }

  // Module tests name their databases after this run (integration-tests/helpers/module-db.ts).
  const run = crypto.randomBytes(4).toString("hex")

  let passed = 0
  let failed = 0
  let failedRuns = 0
  try {
    for (const type of types) {
      const report = path.join(os.tmpdir(), `crm-jest-${process.pid}-${type.replace(":", "-")}.json`)
      const runnerArgs =
        type === "unit"
          ? []
          : type === "scale"
            ? ["--runInBand", "--forceExit"] // the Medusa processes are children, not jest workers
            : // One Medusa app per jest worker process; two in one process break.
              ["--maxWorkers=1", "--workerIdleMemoryLimit=50MB", "--forceExit"]
      console.log(`\n=== ${type} ===`)
      const result = spawnSync(
        process.execPath,
        [
          require.resolve("jest/bin/jest"),
          "--silent=false",
          "--passWithNoTests",
          "--json",
          `--outputFile=${report}`,
          ...runnerArgs,
          ...jestArgs,
        ],
        {
          cwd: root,
          stdio: "inherit",
          env: {
            ...process.env,
            TEST_TYPE: type,
            CRM_TEST_RUN: run,
            ...(type === "scale" ? { REDIS_URL: redisUrl } : {}),
            NODE_ENV: "test",
            MEDUSA_DISABLE_TELEMETRY: "true",
            LOG_LEVEL: process.env.LOG_LEVEL || "error",
            // Tests run scheduled jobs themselves, on a fixed clock; the scheduler's runs do nothing (src/utils/scheduled-job.ts).
            CRM_SCHEDULED_JOBS: "off",
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules`.trim(),
            ...(database
              ? {
                  DB_HOST: database.connection.host,
                  DB_PORT: String(database.connection.port),
                  DB_USERNAME: database.connection.user,
                  DB_PASSWORD: database.connection.password,
                }
              : {}),
          },
        }
      )
      if (fs.existsSync(report)) {
        const summary = JSON.parse(fs.readFileSync(report, "utf8"))
        passed += summary.numPassedTests
        failed += summary.numFailedTests
        if (summary.numFailedTestSuites > 0 && summary.numFailedTests === 0) {
          failed += summary.numFailedTestSuites // a suite that failed to boot
        }
        fs.rmSync(report, { force: true })
      }
      if (result.status !== 0) {
        failedRuns++
      }
    }
  } finally {
    if (database) {
      await dropRunDatabases(database.connection, run).catch((error) =>
        console.warn(`Could not drop this run's module-test databases: ${error.message}`)
      )
    }
    await database?.stop()
    fs.rmSync(embeddedDataDir, { recursive: true, force: true })
  }

  console.log(`\n${passed} passed, ${failed} failed`)
  process.exit(failedRuns || failed ? 1 : 0)
}

async function dropRunDatabases(connection, run) {
  const client = new Client({ connectionString: `${serverUrl(connection)}/postgres` })
  await client.connect()
  try {
    const { rows } = await client.query("select datname from pg_database where datname like $1", [`crm-test-${run}-%`])
    for (const { datname } of rows) {
      await client.query(`drop database if exists "${datname.replace(/"/g, "")}" with (force)`)
    }
  } finally {
    await client.end()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
