import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SurveyDetractorEventData } from "../../../types/tickets"
import { keepOwnOrderStep } from "../steps/keep-own-order"
import { openTicketWorkflow, type OpenTicketWorkflowInput } from "./open-ticket"

export const openTicketFromSurveyWorkflowId = "crm-open-ticket-from-survey"

/** A detractor's survey answer opens a ticket linked to the response, once per response. */
export const openTicketFromSurveyWorkflow = createWorkflow(openTicketFromSurveyWorkflowId, (input: SurveyDetractorEventData) => {
  const orderId = keepOwnOrderStep({ customer_id: input.customer_id, order_id: input.order_id })
  const plan = transform({ input, orderId }, ({ input, orderId }): OpenTicketWorkflowInput => {
    const scale = input.survey_type === "csat" ? "/5" : input.survey_type === "nps" ? "/10" : ""
    return {
      customer_id: input.customer_id,
      subject: `Unhappy survey answer (${input.score}${scale})`,
      category: orderId ? "after_sales" : "other",
      message: input.comment?.trim() || `Answered ${input.score}${scale} without a comment.`,
      order_id: orderId,
      source: "survey",
      source_id: input.response_id,
      author_type: "customer",
      author_id: input.customer_id,
    }
  })
  const opened = openTicketWorkflow.runAsStep({ input: plan })
  return new WorkflowResponse(opened)
})
