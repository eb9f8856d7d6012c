import type { MedusaContainer } from "@medusajs/framework/types"
import { escalateOverdueTicketsWorkflow } from "../workflows/tickets/workflows/escalate-overdue-tickets"

const BATCH = 500

/**
 * Every five minutes: escalates tickets past a due time, each breach once
 * (the UPDATE that picks a breach marks it, so overlapping runs and workers
 * cannot escalate it twice).
 */
export default async function escalateOverdueTicketsJob(container: MedusaContainer) {
  const now = new Date()
  for (;;) {
    const { result } = await escalateOverdueTicketsWorkflow(container).run({ input: { now, limit: BATCH } })
    if (result.length < BATCH) {
      break
    }
  }
}

export const config = {
  name: "crm-tickets-escalate-overdue",
  schedule: "*/5 * * * *",
}
