import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export const loadReviewerNameStepId = "crm-load-reviewer-name"

/** "Jane D.": the first name and the initial of the last, never the e-mail. */
export function publicName(firstName?: string | null, lastName?: string | null): string {
  const first = (firstName ?? "").trim()
  const initial = [...(lastName ?? "").trim()][0]
  if (!first) {
    return initial ? `${initial.toUpperCase()}.` : "Customer"
  }
  return initial ? `${first} ${initial.toUpperCase()}.` : first
}

export const loadReviewerNameStep = createStep(loadReviewerNameStepId, async (input: { customer_id: string }, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["first_name", "last_name"], filters: { id: input.customer_id } })
  return new StepResponse(publicName(customer?.first_name, customer?.last_name))
})
