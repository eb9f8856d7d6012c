import type { MedusaContainer } from "@medusajs/framework/types"
import { escalateOverdueTicketsWorkflow } from "../workflows/tickets/workflows/escalate-overdue-tickets"
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
    for (;;) {
      const { result } = await escalateOverdueTicketsWorkflow(container).run({ input: { now, limit: BATCH } })
      if (result.length < BATCH) {
        break
      }
    }
  })
}

export const config = jobConfig("crm-tickets-escalate-overdue", "*/5 * * * *")
