import type { MedusaContainer } from "@medusajs/framework/types"
import { closeResolvedTicketsWorkflow } from "../workflows/tickets/workflows/close-resolved-tickets"
import { runUntilShortBatch } from "../utils/batches"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

const BATCH = 500

/** Hourly: closes tickets resolved more than `auto_close_days` ago that nobody reopened. */
export default async function closeResolvedTicketsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const now = new Date()
    await runUntilShortBatch(BATCH, async (limit) => {
      const { result } = await closeResolvedTicketsWorkflow(container).run({ input: { now, limit } })
      return result.length
    })
  })
}

export const config = jobConfig("crm-tickets-close-resolved", "20 * * * *")
