import { spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"

jest.setTimeout(120 * 1000)

/**
 * Boots the dev store for real with the Medusa CLI (`medusa exec` loads every
 * module, as `medusa start` does) and a bad plugin option.
 */
function bootWithEnv(env: Record<string, string>) {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "crm-boot-")), "noop.js")
  fs.writeFileSync(script, "exports.default = async function run() {}\n")
  const user = process.env.DB_USERNAME || "postgres"
  const password = process.env.DB_PASSWORD ? `:${process.env.DB_PASSWORD}` : ""
  const databaseUrl = `postgres://${user}${password}@${process.env.DB_HOST || "localhost"}:${
    process.env.DB_PORT || 5432
  }/postgres`
  const result = spawnSync(
    path.join(process.cwd(), "node_modules/.bin/medusa"),
    ["exec", script],
    {
      cwd: process.cwd(),
      encoding: "utf8",
      env: {
        ...process.env,
        NODE_ENV: "development",
        MEDUSA_DISABLE_TELEMETRY: "true",
        DATABASE_URL: databaseUrl,
        ...env,
      },
    }
  )
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` }
}

describe("plugin options at start-up", () => {
  it("stops the boot with a message naming the bad option and what is allowed", () => {
    const { status, output } = bootWithEnv({ CRM_DEFAULT_LOCALE: "fr" })

    expect(status).not.toEqual(0)
    expect(output).toContain("medusa-plugin-crm: invalid plugin options in medusa-config.ts")
    expect(output).toMatch(/"default_locale": .*"en".*"zh-CN"/)
  })

  it("names a templates folder that does not exist", () => {
    const { status, output } = bootWithEnv({ CRM_EMAIL_TEMPLATES_DIR: "/no/such/templates" })

    expect(status).not.toEqual(0)
    expect(output).toContain('"emails.templates_dir": must be a path to an existing folder')
  })
})
