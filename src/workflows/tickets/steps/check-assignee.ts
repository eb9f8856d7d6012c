import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const checkAssigneeStepId = "crm-check-ticket-assignee"

/** A ticket is assigned to an admin user that exists (400 otherwise); null or absent passes. Reads only. */
export const checkAssigneeStep = createStep(checkAssigneeStepId, async (input: { assignee_id?: string | null }, { container }) => {
  if (input.assignee_id) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "user", fields: ["id"], filters: { id: input.assignee_id } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `assignee_id: no admin user with id ${input.assignee_id}`)
    }
  }
  return new StepResponse(undefined)
})
