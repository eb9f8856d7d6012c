import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { failOnceForTest, testFaultMarker } from "../test-faults"

const POINT = "order-placed-earn"

describe("failOnceForTest", () => {
  const envBefore = { ...process.env }
  let dir: string

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-test-faults-"))
    delete process.env.CRM_TEST_FAULTS
    delete process.env.CRM_TEST_FAULTS_DIR
    process.env.NODE_ENV = "test"
  })
  afterEach(() => {
    process.env = { ...envBefore }
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const switchOn = (points: string) => {
    process.env.CRM_TEST_FAULTS = points
    process.env.CRM_TEST_FAULTS_DIR = dir
  }

  it("is off by default: no variables, no failure, no file", () => {
    expect(() => failOnceForTest(POINT, "order_1")).not.toThrow()
    process.env.CRM_TEST_FAULTS = POINT // a point without a directory
    expect(() => failOnceForTest(POINT, "order_1")).not.toThrow()
    delete process.env.CRM_TEST_FAULTS
    process.env.CRM_TEST_FAULTS_DIR = dir // a directory without points
    expect(() => failOnceForTest(POINT, "order_1")).not.toThrow()
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it("fails the first call for a point and key, then never again, leaving its marker file", () => {
    switchOn(`other-point, ${POINT}`)

    expect(() => failOnceForTest(POINT, "order_1")).toThrow(new Error(`crm test fault: ${POINT} order_1`))
    expect(() => failOnceForTest(POINT, "order_1")).not.toThrow()
    expect(() => failOnceForTest(POINT, "order_1")).not.toThrow()
    expect(fs.readdirSync(dir)).toEqual([`${POINT}-order_1`])
    expect(fs.readFileSync(path.join(dir, `${POINT}-order_1`), "utf8")).toBe(`${process.pid}\n`)
  })

  it("fails once per key, and only at the points it names", () => {
    switchOn(POINT)

    expect(() => failOnceForTest(POINT, "order_1")).toThrow(`crm test fault: ${POINT} order_1`)
    expect(() => failOnceForTest(POINT, "order_2")).toThrow(`crm test fault: ${POINT} order_2`)
    expect(() => failOnceForTest("order-placed-earn-later", "order_1")).not.toThrow()
    expect(() => failOnceForTest("order-placed", "order_1")).not.toThrow()
  })

  it("fails once across processes: of four processes calling at once for one key, exactly one fails", async () => {
    switchOn(POINT)
    const callInProcess = () =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ["-r", "ts-node/register/transpile-only", "-e", `require(${JSON.stringify(require.resolve("../test-faults"))}).failOnceForTest("${POINT}", "order_1")`],
          { env: process.env }
        )
        let stderr = ""
        child.stderr.on("data", (chunk) => (stderr += chunk))
        child.on("close", (code) => resolve({ code, stderr }))
      })

    const results = await Promise.all([callInProcess(), callInProcess(), callInProcess(), callInProcess()])

    const failed = results.filter((result) => result.code !== 0)
    expect(failed).toHaveLength(1)
    expect(failed[0].stderr).toContain(`Error: crm test fault: ${POINT} order_1`)
    expect(() => failOnceForTest(POINT, "order_1")).not.toThrow() // and not in this process either
  })

  it("does nothing at all with NODE_ENV=production, even when switched on", () => {
    switchOn(POINT)
    process.env.NODE_ENV = "production"
    const log = jest.spyOn(console, "log")
    const warn = jest.spyOn(console, "warn")
    const error = jest.spyOn(console, "error")

    expect(() => failOnceForTest(POINT, "order_1")).not.toThrow()
    expect(fs.readdirSync(dir)).toEqual([])
    expect([...log.mock.calls, ...warn.mock.calls, ...error.mock.calls]).toEqual([])
  })

  it("makes keys safe as file names", () => {
    expect(testFaultMarker("/faults", POINT, "ord/../../etc passwd")).toBe(`/faults/${POINT}-ord_.._.._etc_passwd`)
  })
})
