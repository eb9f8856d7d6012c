#!/usr/bin/env node
/**
 * Completes package-lock.json with the other platforms' optional binaries
 * (e.g. @swc/core-darwin-arm64) that the npm registry of these machines does
 * not hold. Without their entries `npm ci` rejects the lockfile as out of
 * sync; with them (version, os, cpu, libc) npm skips them on this platform.
 * Run it after every `npm install` that changes the lockfile:
 *   npm install && node scripts/complete-lockfile.js && npm ci --dry-run
 */
const fs = require("fs")
const path = require("path")
const { execFileSync } = require("child_process")

const OS = ["darwin", "linux", "win32", "android", "freebsd", "openbsd", "openharmony"]
const CPU = ["arm64", "x64", "ia32", "ppc64", "s390x", "riscv64", "loong64", "arm"]

const root = path.resolve(__dirname, "..")
const lockPath = path.join(root, "package-lock.json")

function missingPackages() {
  try {
    execFileSync("npm", ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: root,
      stdio: "pipe",
      encoding: "utf8",
    })
    return []
  } catch (error) {
    const output = `${error.stdout ?? ""}${error.stderr ?? ""}`
    return [...output.matchAll(/Missing: (.+?)@\S* from lock file/g)].map((m) => m[1])
  }
}

function platformOf(name) {
  const tokens = name.split("/").pop().split("-")
  const os = OS.find((o) => tokens.includes(o))
  const cpu = CPU.find((c) => tokens.includes(c))
  const libc = os === "linux" ? (tokens.some((t) => t.startsWith("musl")) ? "musl" : tokens.some((t) => t.startsWith("gnu")) ? "glibc" : null) : null
  return { os, cpu, libc }
}

const missing = missingPackages()
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"))
const packages = lock.packages
let added = 0
for (const name of missing) {
  for (const [parentPath, parent] of Object.entries(packages)) {
    const version = parent.optionalDependencies?.[name]
    if (!version) continue
    // Put it beside the parent's other optional binaries.
    const sibling = Object.keys(parent.optionalDependencies)
      .flatMap((sib) => [`${parentPath}/node_modules/${sib}`, `node_modules/${sib}`].map((p) => [p, sib]))
      .find(([p, sib]) => packages[p]?.version === parent.optionalDependencies[sib])
    const base = sibling ? sibling[0].slice(0, -sibling[1].length) : "node_modules/"
    const key = base + name
    const { os, cpu, libc } = platformOf(name)
    if (packages[key] || !os || !cpu) {
      if (!os || !cpu) console.warn(`cannot tell the platform of ${name}; left out`)
      continue
    }
    packages[key] = { version, cpu: [cpu], os: [os], ...(libc ? { libc: [libc] } : {}), optional: true }
    added++
  }
}
const sorted = { "": packages[""] }
for (const key of Object.keys(packages).filter(Boolean).sort()) sorted[key] = packages[key]
lock.packages = sorted
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`complete-lockfile: ${missing.length} missing, ${added} entries added`)
