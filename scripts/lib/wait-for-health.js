"use strict"

/**
 * Resolves once `${baseUrl}/health` answers 200; fails when the process
 * behind `handle` ({ name, done }) exits first or `timeoutMs` passes.
 */
async function waitForHealth(baseUrl, handle, { timeoutMs = 180_000, pollMs = 250, exitHint = "" } = {}) {
  let exited = false
  handle.done.then(() => (exited = true))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${handle.name} exited before ${baseUrl}/health answered${exitHint}`)
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  throw new Error(`${baseUrl}/health did not answer within ${timeoutMs / 1000} s`)
}

module.exports = { waitForHealth }
