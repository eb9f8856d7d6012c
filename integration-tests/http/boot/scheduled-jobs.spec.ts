import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { setTimeout as sleep } from "node:timers/promises"
import { createAdminUser } from "../../helpers/auth"
import { daysBefore, insertCustomers, insertOrderFacts, segmentsOf } from "../../helpers/segments"
import { runScheduledJob } from "../../../src/utils/scheduled-job"
import refreshDueSegmentsJob, { config as refreshDueSegmentsConfig } from "../../../src/jobs/refresh-due-segments"

jest.setTimeout(120 * 1000)

/**
 * The scheduler's guard on the app's real locking module (in-memory here,
 * Redis in scale-out mode): one run per tick, no overlap, a failed tick free
 * for a retry, direct calls unguarded.
 */

let jobs = 0
/** A fresh job name per test: the locking module outlives each test's data reset. */
const everyMinute = () => ({ name: `crm-test-job-${++jobs}`, schedule: "* * * * *" })
const fromScheduler = () => ({ scheduledFor: new Date() })

/**
 * Waits until a test has 2-50 s of its minute ahead: its calls then share one
 * per-minute tick, and the app's own scheduler, which fires the plugin's jobs
 * at the start of a minute, never runs one while a test has them on.
 */
async function awayFromMinuteEdges() {
  const intoMinute = Date.now() % 60_000
  if (intoMinute < 2_000 || intoMinute > 50_000) {
    await sleep((62_000 - intoMinute) % 60_000 + 100)
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let lines: string[]
    /** The guard's lines (other parts of the app log too). */
    const logged = (pattern: RegExp) => lines.filter((line) => line.startsWith("crm: job ") && pattern.test(line))
    const scheduledJobsBefore = process.env.CRM_SCHEDULED_JOBS

    beforeEach(async () => {
      lines = []
      const logger = getContainer().resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      jest.spyOn(logger, "info").mockImplementation((message: string) => void lines.push(message))
      jest.spyOn(logger, "warn").mockImplementation((message: string) => void lines.push(message))
      await awayFromMinuteEdges()
      // scripts/test.js turns scheduler runs off for every test; these are about them.
      process.env.CRM_SCHEDULED_JOBS = "on"
    })
    afterEach(() => {
      if (scheduledJobsBefore === undefined) {
        delete process.env.CRM_SCHEDULED_JOBS
      } else {
        process.env.CRM_SCHEDULED_JOBS = scheduledJobsBefore
      }
      jest.restoreAllMocks()
    })

    const counter = (work: () => Promise<void> = async () => {}) => {
      const body = async () => {
        body.runs++
        await work()
      }
      body.runs = 0
      return body
    }

    it("runs a tick delivered twice once, and logs the start, the end and the skip", async () => {
      const job = everyMinute()
      const body = counter()
      await runScheduledJob(getContainer(), fromScheduler(), job, body)
      await runScheduledJob(getContainer(), fromScheduler(), job, body)

      expect(body.runs).toBe(1)
      const tick = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString()
      expect(logged(/./)).toEqual([
        `crm: job ${job.name} tick ${tick} started (pid ${process.pid})`,
        expect.stringMatching(new RegExp(`^crm: job ${job.name} tick ${tick} finished in \\d+ ms \\(pid ${process.pid}\\)$`)),
        `crm: job ${job.name}: tick ${tick} already claimed by another process; skipped`,
      ])
    })

    it("runs two concurrent deliveries of a tick once", async () => {
      const job = everyMinute()
      const body = counter(() => sleep(300))
      await Promise.all([runScheduledJob(getContainer(), fromScheduler(), job, body), runScheduledJob(getContainer(), fromScheduler(), job, body)])

      expect(body.runs).toBe(1)
      expect(logged(/ started /)).toHaveLength(1)
      expect(logged(/already claimed by another process; skipped$/)).toHaveLength(1)
    })

    it("frees the tick of a run that failed, so a retry of the same tick runs, and only once", async () => {
      const job = everyMinute()
      let fail = true
      const body = counter(async () => {
        if (fail) {
          throw new Error("transient")
        }
      })
      await expect(runScheduledJob(getContainer(), fromScheduler(), job, body)).rejects.toThrow("transient")
      fail = false
      await runScheduledJob(getContainer(), fromScheduler(), job, body)
      await runScheduledJob(getContainer(), fromScheduler(), job, body)

      expect(body.runs).toBe(2)
      expect(logged(/ failed after \d+ ms .*the tick is free for a retry$/)).toHaveLength(1)
      expect(logged(/ finished in /)).toHaveLength(1)
      expect(logged(/already claimed/)).toHaveLength(1)
    })

    it("skips the next tick while a run of the job is still going, and runs the tick after it", async () => {
      const job = { name: `crm-test-job-${++jobs}`, schedule: "* * * * * *" }
      const slow = counter(() => sleep(2_200))
      const first = runScheduledJob(getContainer(), fromScheduler(), job, slow)
      await sleep(1_100)
      const next = counter()
      await runScheduledJob(getContainer(), fromScheduler(), job, next)
      await first
      await sleep(1_000)
      await runScheduledJob(getContainer(), fromScheduler(), job, next)

      expect([slow.runs, next.runs]).toEqual([1, 1])
      expect(logged(/still running \(started by another run\); skipped$/)).toHaveLength(1)
    })

    it("always runs a direct call (no scheduledFor), even with scheduler runs off", async () => {
      const job = everyMinute()
      const body = counter()
      await Promise.all([runScheduledJob(getContainer(), undefined, job, body), runScheduledJob(getContainer(), {}, job, body)])
      expect(body.runs).toBe(2)
      expect(logged(/./)).toEqual([])

      process.env.CRM_SCHEDULED_JOBS = "off"
      try {
        await runScheduledJob(getContainer(), fromScheduler(), job, body)
        await runScheduledJob(getContainer(), undefined, job, body)
      } finally {
        process.env.CRM_SCHEDULED_JOBS = "on"
      }
      expect(body.runs).toBe(3)
    })

    it("a real job: the segments refresh delivered twice for one tick refreshes once", async () => {
      const container: MedusaContainer = getContainer()
      const admin = await createAdminUser(container)
      const now = new Date()
      await insertCustomers(container, [
        { id: "cus_ann", email: "ann@crm.test", created_at: daysBefore(now, 300) },
        { id: "cus_bob", email: "bob@crm.test", created_at: daysBefore(now, 200) },
      ])
      await insertOrderFacts(container, [{ id: "order_a1", customer_id: "cus_ann", spend: 10, placed_at: daysBefore(now, 9) }])
      const rules = { all: [{ field: "order_count", op: "gte", value: 1 }] }
      const { segment } = (await api.post("/admin/segments", { name: "Buyers", rules, refresh: "hourly" }, admin)).data
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await knex.raw(`UPDATE crm_segment SET refreshed_at = now() - interval '2 hours' WHERE id = ?`, [segment.id])
      await insertOrderFacts(container, [{ id: "order_b1", customer_id: "cus_bob", spend: 20, placed_at: daysBefore(now, 1) }])

      const scheduledFor = new Date()
      await refreshDueSegmentsJob(container, { scheduledFor })
      await refreshDueSegmentsJob(container, { scheduledFor })

      expect((await segmentsOf(container).retrieveSegment(segment.id)).member_count).toBe(2)
      const name = refreshDueSegmentsConfig.name
      expect(logged(new RegExp(`^crm: job ${name} tick \\S+ started \\(pid \\d+\\)$`))).toHaveLength(1)
      expect(logged(new RegExp(`^crm: job ${name}: tick \\S+ already claimed by another process; skipped$`))).toHaveLength(1)
    })
  },
})
