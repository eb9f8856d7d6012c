import type { MedusaContainer } from "@medusajs/framework/types"
import { segmentsOf } from "../workflows/segments/steps/segments-of"
import { scoreRfmWorkflow } from "../workflows/segments/workflows/score-rfm"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

const DAY_MS = 86_400_000

/**
 * Hourly: rescores RFM when the last scoring is a day old (or there is none
 * yet, so a new store has scores within the hour). Scores move slowly; a
 * daily as-of time keeps them stable through the day.
 */
export default async function scoreRfmJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    const now = new Date()
    const last = await segmentsOf(container).latestRfmRun()
    if (last && now.getTime() - new Date(last.scored_at).getTime() < DAY_MS - 5 * 60_000) {
      return
    }
    await scoreRfmWorkflow(container).run({ input: { as_of: now } })
  })
}

export const config = jobConfig("crm-rfm-score", "7 * * * *")
