import type { MedusaContainer } from "@medusajs/framework/types"
import { escalateOverdueTicketsWorkflow } from "../workflows/tickets/workflows/escalate-overdue-tickets"
import { runUntilShortBatch } from "../utils/batches"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

const BATCH = 500

/**
 * Every five minutes: escalates tickets past a due time, each breach once
 * (the UPDATE that picks a breach marks it, so overlapping runs and workers
 * cannot escalate it twice).
 */
export default async function escalateOverdueTicketsJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const now = new Date()
    await runUntilShortBatch(BATCH, async (limit) => {
      const { result } = await escalateOverdueTicketsWorkflow(container).run({ input: { now, limit } })
      return result.length
    })
  })
}

export const config = jobConfig("crm-tickets-escalate-overdue", "*/5 * * * *")
