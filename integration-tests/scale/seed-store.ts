/**
 * `medusa exec` script that sets up the shop the scale-out suite buys from:
 * the HTTP tests' own fixtures (region, sales channel, publishable key,
 * product, warehouse and shipping), a secret API key for the admin routes,
 * and an NPS survey sent after every delivery. Prints the ids on one line
 * prefixed `CRM_SCALE_FIXTURES `.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { createApiKeysWorkflow } from "@medusajs/medusa/core-flows"
import { createShippingFixtures } from "../helpers/shipping"
import { createStoreFixtures } from "../helpers/store"
import { createNpsSurvey } from "../helpers/surveys"

export default async function seedScaleStore({ container }: ExecArgs) {
  const store = await createStoreFixtures(container, 40)
  const shipping = await createShippingFixtures(container, store)
  const {
    result: [adminKey],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Scale test", type: "secret", created_by: "scale-test" }] },
  })
  const survey = await createNpsSurvey(container, { trigger: "delivery", delay_hours: 0 })
  process.stdout.write(
    `CRM_SCALE_FIXTURES ${JSON.stringify({ ...store, ...shipping, adminKey: adminKey.token, surveyId: survey.id })}\n`
  )
}
