import type { MedusaContainer } from "@medusajs/framework/types"
import { expirePointsWorkflow } from "../workflows/loyalty/workflows/expire-points"
import { sendExpiryRemindersWorkflow } from "../workflows/loyalty/workflows/send-expiry-reminders"
import { runUntilShortBatch } from "../utils/batches"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

const BATCH = 500

/**
 * Daily: expires due lots (each exactly once, `expire:{lot_id}`), then
 * e-mails the reminders for points expiring soon (each once per account and
 * expiry day). Safe to re-run.
 */
export default async function expirePointsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const now = new Date()
    await runUntilShortBatch(BATCH, async (limit) => {
      const { result } = await expirePointsWorkflow(container).run({ input: { now, limit } })
      return result.entries.length
    })
    let after: string | undefined
    for (;;) {
      const { result } = await sendExpiryRemindersWorkflow(container).run({
        input: { now, limit: BATCH, after_account_id: after },
      })
      if (!result.last_account_id) {
        break
      }
      after = result.last_account_id
    }
  })
}

export const config = jobConfig("crm-loyalty-expire-points", "15 2 * * *")
