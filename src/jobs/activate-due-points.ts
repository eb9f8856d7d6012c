import type { MedusaContainer } from "@medusajs/framework/types"
import { activatePointsWorkflow } from "../workflows/loyalty/workflows/activate-points"

const BATCH = 500

/**
 * Vests pending points whose pending days have passed, in batches until none
 * is due. Each lot is activated once (`activate:{lot_id}`), so overlapping
 * runs and delivery events cannot double-credit.
 */
export default async function activateDuePointsJob(container: MedusaContainer) {
  const now = new Date()
  for (;;) {
    const { result } = await activatePointsWorkflow(container).run({
      input: { due_before: now, limit: BATCH },
    })
    if (result.entries.length < BATCH) {
      break
    }
  }
}

export const config = {
  name: "crm-loyalty-activate-due-points",
  // Hourly, so points vest within the hour of their date.
  schedule: "0 * * * *",
}
