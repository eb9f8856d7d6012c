/**
 * Stopping a child started with `spawn(..., { detached: true })` together
 * with everything it started (its process group).
 */

const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

const signalGroup = (pid, signal) => {
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/**
 * SIGINT to the group; SIGTERM after `termAfter` ms, SIGKILL after
 * `killAfter`. Resolves true once the group is gone, false if it outlived
 * SIGKILL by 5 s. `onEscalate(signal)` is told of each escalation.
 */
async function stopGroup(pid, { termAfter = 15_000, killAfter = 25_000, onEscalate = () => {} } = {}) {
  signalGroup(pid, "SIGINT")
  const since = Date.now()
  let escalated = 0
  while (groupAlive(pid)) {
    const waited = Date.now() - since
    if (waited > termAfter && escalated === 0) {
      onEscalate("SIGTERM")
      signalGroup(pid, "SIGTERM")
      escalated = 1
    } else if (waited > killAfter && escalated === 1) {
      onEscalate("SIGKILL")
      signalGroup(pid, "SIGKILL")
      escalated = 2
    } else if (waited > killAfter + 5_000) {
      return false
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return true
}

module.exports = { groupAlive, signalGroup, stopGroup }
