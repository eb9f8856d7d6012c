import type { MedusaContainer } from "@medusajs/framework/types"
import { awardBirthdayBonusesWorkflow } from "../workflows/loyalty/workflows/award-birthday-bonuses"

/** Daily: birthday bonuses (each once a year per customer). */
export default async function awardBirthdayBonusesJob(container: MedusaContainer) {
  await awardBirthdayBonusesWorkflow(container).run({ input: { day: new Date() } })
}

export const config = {
  name: "crm-loyalty-award-birthday-bonuses",
  schedule: "30 6 * * *",
}
