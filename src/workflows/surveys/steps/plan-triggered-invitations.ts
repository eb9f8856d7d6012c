import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { NewInvitation } from "../../../modules/surveys/invitations"
import type { TicketEventData } from "../../../types/tickets"
import { surveysOf } from "./surveys-of"

const hoursAfter = (moment: Date, hours: number) => new Date(moment.getTime() + hours * 3_600_000)

export const planDeliveryInvitationsStepId = "crm-plan-delivery-survey-invitations"

/**
 * For each delivered order and active "delivery" survey: an invitation to
 * the order's customer at the order's e-mail, due the survey's delay after
 * `delivered_at`. Orders without a customer are left out.
 */
export const planDeliveryInvitationsStep = createStep(
  planDeliveryInvitationsStepId,
  async (input: { order_ids: string[]; delivered_at: Date | string }, { container }) => {
    const surveys = await surveysOf(container).activeSurveysFor("delivery")
    if (!surveys.length || !input.order_ids.length) {
      return new StepResponse([] as NewInvitation[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "display_id", "customer_id", "email"],
      filters: { id: input.order_ids },
    })
    const deliveredAt = new Date(input.delivered_at)
    return new StepResponse(
      orders
        .filter((order) => order.customer_id)
        .flatMap((order) =>
          surveys.map(
            (survey): NewInvitation => ({
              survey_id: survey.id,
              customer_id: order.customer_id as string,
              source_type: "order",
              source_id: order.id as string,
              source_display_id: (order.display_id as number | null) ?? null,
              email: (order.email as string | null) ?? null,
              due_at: hoursAfter(deliveredAt, survey.delay_hours),
            })
          )
        )
    )
  }
)

export const planTicketInvitationsStepId = "crm-plan-ticket-survey-invitations"

/** For a resolved ticket and each active "ticket_resolved" survey: an invitation to its customer, due after the delay. */
export const planTicketInvitationsStep = createStep(
  planTicketInvitationsStepId,
  async (input: { ticket: TicketEventData; resolved_at: Date | string }, { container }) => {
    const surveys = await surveysOf(container).activeSurveysFor("ticket_resolved")
    if (!surveys.length) {
      return new StepResponse([] as NewInvitation[])
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: input.ticket.customer_id } })
    const resolvedAt = new Date(input.resolved_at)
    return new StepResponse(
      surveys.map(
        (survey): NewInvitation => ({
          survey_id: survey.id,
          customer_id: input.ticket.customer_id,
          source_type: "ticket",
          source_id: input.ticket.id,
          source_display_id: input.ticket.display_id,
          email: (customers[0]?.email as string | null) ?? null,
          due_at: hoursAfter(resolvedAt, survey.delay_hours),
        })
      )
    )
  }
)
