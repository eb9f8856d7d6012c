import { randomUUID } from "node:crypto"
import type { ILockingModule, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Scheduled jobs that run once per tick across processes, never overlap
 * themselves, and whose schedules operators can override.
 *
 * Only runs started by Medusa's scheduler (they carry `scheduledFor`) are
 * guarded; a direct call from a test or script runs its body at once.
 * A scheduler run:
 * - does nothing with `CRM_SCHEDULED_JOBS=off` (the plugin's tests run the
 *   jobs themselves, on a fixed clock);
 * - claims its tick in Medusa's locking module (`crm-job:<name>:tick:<iso>`,
 *   the tick being now floored to the cron's granularity: 1 s for a 6-field
 *   cron, 60 s otherwise), so another process, or a second delivery of the
 *   same tick, skips it. The claim is kept a while after success, given back
 *   on failure so a retry of the tick may run, and lapses within
 *   `LEASE_SECONDS` when the process dies;
 * - takes `crm-job:<name>:running` for as long as its body runs, so a run
 *   that outlasts its period is not joined by the next one.
 *
 * Log lines (at info; the scale-out test parses the first two from worker
 * logs, keep their shape):
 *   crm: job <name> tick <iso> started (pid <pid>)
 *   crm: job <name> tick <iso> finished in <ms> ms (pid <pid>)
 *   crm: job <name>: tick <iso> already claimed by another process; skipped
 *   crm: job <name>: tick <iso> still running (started by another run); skipped
 * and at warn when the body throws:
 *   crm: job <name> tick <iso> failed after <ms> ms (pid <pid>); the tick is free for a retry
 */

/** `{ "<job name>": "<cron>" }`: schedules replacing the plugin's defaults. */
export const JOB_SCHEDULES_ENV = "CRM_JOB_SCHEDULES"

/** How long a claim outlives its last renewal: what a dead process leaves behind. */
const LEASE_SECONDS = 60
const RENEW_EVERY_MS = 20_000

export type ScheduledJobContext = { scheduledFor?: Date }

/** The cron, with its 5 or 6 fields, that replaces `defaultCron` for `name` in `env`. */
export function scheduleOf(name: string, defaultCron: string, env: Record<string, string | undefined>): string {
  const raw = env[JOB_SCHEDULES_ENV]
  if (!raw?.trim()) {
    return defaultCron
  }
  let schedules: unknown
  try {
    schedules = JSON.parse(raw)
  } catch (error) {
    throw new Error(`${JOB_SCHEDULES_ENV} must be a JSON object of job name to cron, e.g. {"${name}": "${defaultCron}"}: ${(error as Error).message}`)
  }
  if (typeof schedules !== "object" || schedules === null || Array.isArray(schedules)) {
    throw new Error(`${JOB_SCHEDULES_ENV} must be a JSON object of job name to cron, e.g. {"${name}": "${defaultCron}"}`)
  }
  const cron = (schedules as Record<string, unknown>)[name]
  if (cron === undefined) {
    return defaultCron
  }
  if (typeof cron !== "string" || ![5, 6].includes(cronFields(cron))) {
    throw new Error(`${JOB_SCHEDULES_ENV}: the schedule of "${name}" must be a cron string of 5 or 6 fields, got ${JSON.stringify(cron)}`)
  }
  return cron.trim()
}

/** A job's Medusa `config`, its schedule overridable through `CRM_JOB_SCHEDULES` (read when the job file loads). */
export function jobConfig(name: string, defaultCron: string): { name: string; schedule: string } {
  return { name, schedule: scheduleOf(name, defaultCron, process.env) }
}

/** The tick a run at `date` belongs to: `date` floored to the cron's granularity (a second with 6 fields, else a minute). */
export function tickOf(date: Date, cron: string): Date {
  const granularity = granularityMs(cron)
  return new Date(Math.floor(date.getTime() / granularity) * granularity)
}

/**
 * Runs `body` as job `config.name`: unconditionally when called directly,
 * once per tick and never overlapping itself when started by the scheduler.
 */
export async function runScheduledJob(
  container: MedusaContainer,
  context: ScheduledJobContext | undefined,
  config: { name: string; schedule: string },
  body: () => Promise<void>
): Promise<void> {
  if (!context?.scheduledFor) {
    return body()
  }
  if (process.env.CRM_SCHEDULED_JOBS === "off") {
    return
  }
  const locking = container.resolve<ILockingModule>(Modules.LOCKING)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const { name, schedule } = config
  const tick = tickOf(new Date(), schedule).toISOString()
  const tickKey = `crm-job:${name}:tick:${tick}`
  const runningKey = `crm-job:${name}:running`
  const ownerId = `${name}:${process.pid}:${randomUUID()}`
  // Long enough that a second delivery of the tick still finds it claimed.
  const retentionSeconds = Math.max((2 * granularityMs(schedule)) / 1000, 120)

  if (!(await tryAcquire(locking, tickKey, ownerId))) {
    logger.info(`crm: job ${name}: tick ${tick} already claimed by another process; skipped`)
    return
  }
  if (!(await tryAcquire(locking, runningKey, ownerId))) {
    await keepTickClaim(locking, tickKey, ownerId, retentionSeconds)
    logger.info(`crm: job ${name}: tick ${tick} still running (started by another run); skipped`)
    return
  }

  const renewal = keepRenewing(locking, [tickKey, runningKey], ownerId, logger)
  const started = Date.now()
  logger.info(`crm: job ${name} tick ${tick} started (pid ${process.pid})`)
  let succeeded = false
  try {
    await body()
    succeeded = true
  } finally {
    await renewal.stop()
    await locking.release(runningKey, { ownerId }).catch(() => undefined)
    if (!succeeded) {
      await locking.release(tickKey, { ownerId }).catch(() => undefined)
      logger.warn(`crm: job ${name} tick ${tick} failed after ${Date.now() - started} ms (pid ${process.pid}); the tick is free for a retry`)
    }
  }
  await keepTickClaim(locking, tickKey, ownerId, retentionSeconds)
  logger.info(`crm: job ${name} tick ${tick} finished in ${Date.now() - started} ms (pid ${process.pid})`)
}

function cronFields(cron: string): number {
  return cron.trim().split(/\s+/).length
}

function granularityMs(cron: string): number {
  return cronFields(cron) === 6 ? 1000 : 60_000
}

/** Takes `key` for `ownerId`; false when another owner holds it (every provider throws then). */
async function tryAcquire(locking: ILockingModule, key: string, ownerId: string): Promise<boolean> {
  try {
    await locking.acquire(key, { ownerId, expire: LEASE_SECONDS })
    return true
  } catch {
    return false
  }
}

/**
 * Keeps the tick claimed for `seconds`, then gives it back: Redis deletes an
 * expired key by itself, but the in-memory and PostgreSQL providers keep it
 * until someone takes it again, which a past tick never is.
 */
async function keepTickClaim(locking: ILockingModule, tickKey: string, ownerId: string, seconds: number) {
  await locking.acquire(tickKey, { ownerId, expire: seconds }).catch(() => undefined)
  setTimeout(() => {
    locking.release(tickKey, { ownerId }).catch(() => undefined)
  }, seconds * 1000).unref()
}

/**
 * Re-acquires `keys` as their owner every `RENEW_EVERY_MS`, which extends
 * their lease, until stopped. `stop` waits for a renewal in flight, so a
 * release that follows cannot be undone by it.
 */
function keepRenewing(locking: ILockingModule, keys: string[], ownerId: string, logger: Logger) {
  let inFlight: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    inFlight = locking.acquire(keys, { ownerId, expire: LEASE_SECONDS }).catch((error) => {
      logger.warn(`crm: could not renew ${keys.join(", ")}: ${(error as Error)?.message ?? error}`)
    })
  }, RENEW_EVERY_MS)
  timer.unref()
  return {
    stop: async () => {
      clearInterval(timer)
      await inFlight
    },
  }
}
