import type { MedusaContainer } from "@medusajs/framework/types"
import { awardBirthdayBonusesWorkflow } from "../workflows/loyalty/workflows/award-birthday-bonuses"
import { jobConfig, runScheduledJob, type ScheduledJobContext } from "../utils/scheduled-job"

/** Daily: birthday bonuses (each once a year per customer). */
export default async function awardBirthdayBonusesJob(container: MedusaContainer, context?: ScheduledJobContext) {
  await runScheduledJob(container, context, config, async () => {
    await awardBirthdayBonusesWorkflow(container).run({ input: { day: new Date() } })
  })
}

export const config = jobConfig("crm-loyalty-award-birthday-bonuses", "30 6 * * *")
