import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { planReviewTicketStep } from "../steps/plan-review-ticket"
import { openTicketWorkflow, type OpenTicketWorkflowInput } from "./open-ticket"

export const openTicketFromReviewWorkflowId = "crm-open-ticket-from-review"

/** A low review opens a complaint ticket linked to it, once per review however often the events arrive. */
export const openTicketFromReviewWorkflow = createWorkflow(openTicketFromReviewWorkflowId, (input: { review_id: string }) => {
  const plan = planReviewTicketStep(input)
  const opened = when("crm-review-ticket-when-complaint", { plan }, ({ plan }) => plan !== null).then(() =>
    openTicketWorkflow.runAsStep({ input: plan as OpenTicketWorkflowInput })
  )
  return new WorkflowResponse(transform({ opened }, ({ opened }) => opened ?? null))
})
