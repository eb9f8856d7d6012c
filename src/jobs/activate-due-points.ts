import type { MedusaContainer } from "@medusajs/framework/types"
import { activatePointsWorkflow } from "../workflows/loyalty/workflows/activate-points"
import { runUntilShortBatch } from "../utils/batches"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

const BATCH = 500

/**
 * Vests pending points whose pending days have passed, in batches until none
 * is due. Each lot is activated once (`activate:{lot_id}`), so overlapping
 * runs and delivery events cannot double-credit.
 */
export default async function activateDuePointsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const now = new Date()
    await runUntilShortBatch(BATCH, async (limit) => {
      const { result } = await activatePointsWorkflow(container).run({ input: { due_before: now, limit } })
      return result.entries.length
    })
  })
}

// Hourly, so points vest within the hour of their date.
export const config = jobConfig("crm-loyalty-activate-due-points", "0 * * * *")
