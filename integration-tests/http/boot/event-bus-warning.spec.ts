import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"

jest.setTimeout(180 * 1000)

/**
 * The start-up warning on Medusa's in-memory event bus. The runner's app
 * boots in NODE_ENV=test (no warning); the dev store is then booted for
 * real with the Medusa CLI (`medusa exec` loads every module, as
 * `medusa start` does) on the runner's migrated database, as production
 * and as development, and its whole output is read.
 */
const dbName = `crm-event-bus-warning-${process.env.CRM_TEST_RUN ?? process.pid}`
const WARNING = "medusa-plugin-crm: this app runs on Medusa's in-memory event bus"

function bootWithNodeEnv(nodeEnv: string) {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-boot-")), "noop.js")
  fs.writeFileSync(script, "exports.default = async function run() {}\n")
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD ? `:${process.env.DB_PASSWORD}` : ""
  const databaseUrl = `postgres://${user}${password}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || 5432}/${dbName}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: nodeEnv,
    MEDUSA_DISABLE_TELEMETRY: "true",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "info", // scripts/test.js keeps only errors
  }
  delete env.REDIS_URL // the in-memory defaults
  const result = spawnSync(path.join(process.cwd(), "node_modules/.bin/medusa"), ["exec", script], {
    cwd: process.cwd(),
    encoding: "utf8",
    env,
  })
  fs.rmSync(path.dirname(script), { recursive: true, force: true })
  const output = `${result.stdout}\n${result.stderr}`
  if (result.status !== 0) {
    throw new Error(`medusa exec with NODE_ENV=${nodeEnv} exited with ${result.status}:\n${output.slice(-3000)}`)
  }
  return { output, warnings: output.split("\n").filter((line) => line.includes(WARNING)) }
}

const warnedAtBoot: string[] = []

medusaIntegrationTestRunner({
  dbName,
  hooks: {
    // Before any module loads: the runner's own boot is the test environment's.
    beforeServerStart: async (container: MedusaContainer) => {
      const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      const warn = logger.warn.bind(logger)
      jest.spyOn(logger, "warn").mockImplementation((message: string, ...rest: unknown[]) => {
        warnedAtBoot.push(String(message))
        return warn(message, ...(rest as []))
      })
    },
  },
  testSuite: () => {
    it("an app booted for tests does not warn", () => {
      expect(warnedAtBoot).toContain("Local Event Bus installed. This is not recommended for production.") // the spy saw the modules load
      expect(warnedAtBoot.filter((message) => message.includes(WARNING))).toEqual([])
    })

    it("a production boot on the in-memory bus warns exactly once: no retries, lost on a crash, the Redis modules to use", () => {
      const { warnings } = bootWithNodeEnv("production")

      expect(warnings).toHaveLength(1)
      const [warning] = warnings
      expect(warning).toContain('"level":"warn"')
      expect(warning).toContain("(@medusajs/medusa/event-bus-local) with NODE_ENV=production")
      expect(warning).toContain("not retried when a subscriber fails")
      expect(warning).toContain("lost if the process crashes or restarts")
      expect(warning).toContain("@medusajs/medusa/event-bus-redis with jobOptions.attempts")
      expect(warning).toContain("@medusajs/medusa/workflow-engine-redis")
      expect(warning).toContain("@medusajs/medusa/locking-redis")
      expect(warning).toContain('section \\"Running at scale\\"')
    })

    it("a development boot does not warn", () => {
      const { output, warnings } = bootWithNodeEnv("development")

      expect(output).toContain("Local Event Bus installed") // Medusa's own line: the boot did load the in-memory bus
      expect(warnings).toEqual([])
    })
  },
})
