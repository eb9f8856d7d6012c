import fs from "node:fs"
import path from "node:path"

/**
 * Test-only fault injection: makes a named point in the plugin fail once
 * per key, so tests can show that a retry completes the work without a
 * duplicate effect.
 *
 * Off by default. On only when `CRM_TEST_FAULTS` (comma-separated point
 * names) names the point and `CRM_TEST_FAULTS_DIR` names a directory, and
 * never with NODE_ENV=production, which `medusa start` sets by default.
 */
export const TEST_FAULTS_ENV = "CRM_TEST_FAULTS"
export const TEST_FAULTS_DIR_ENV = "CRM_TEST_FAULTS_DIR"

/**
 * Throws `crm test fault: <point> <key>` the first time it is called for
 * (point, key) on this machine, whichever process calls it, and never again:
 * the first caller creates the marker file `<dir>/<point>-<key>` exclusively,
 * so a retry in another worker process finds it and passes.
 */
export function failOnceForTest(point: string, key: string): void {
  if (process.env.NODE_ENV === "production") {
    return
  }
  const points = process.env[TEST_FAULTS_ENV]
  const dir = process.env[TEST_FAULTS_DIR_ENV]
  if (!points || !dir || !points.split(",").some((name) => name.trim() === point)) {
    return
  }
  try {
    fs.writeFileSync(testFaultMarker(dir, point, key), `${process.pid}\n`, { flag: "wx" })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      return
    }
    throw error
  }
  throw new Error(`crm test fault: ${point} ${key}`)
}

/** The file whose existence records that (point, key) has failed once. */
export function testFaultMarker(dir: string, point: string, key: string): string {
  return path.join(dir, `${point}-${key.replace(/[^A-Za-z0-9_.-]/g, "_")}`)
}
