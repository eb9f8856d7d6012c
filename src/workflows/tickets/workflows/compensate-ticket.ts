import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { NewCompensation } from "../../../modules/tickets/ticket-actions"
import type { TicketPromotionValueType } from "../../../types/tickets"
import { awardPointsWorkflow } from "../../loyalty/workflows/award-points"
import { TicketEvents } from "../events"
import { assertNotCompensatedStep } from "../steps/assert-not-compensated"
import { createCompensationPromotionStep } from "../steps/create-compensation-promotion"
import { loadTicketStep } from "../steps/load-ticket"
import { recordCompensationStep } from "../steps/record-compensation"
import { ticketEventData } from "../ticket-events"

export const compensateTicketWorkflowId = "crm-compensate-ticket"

export type CompensateTicketInput = {
  ticket_id: string
  actor_id: string | null
} & (
  | { points: number; promotion?: undefined }
  | { points?: undefined; promotion: { type: TicketPromotionValueType; value: number; currency_code?: string | null } }
)

/** The ledger key of a ticket's points: whatever happens, a ticket pays its points once. */
export const ticketCompensationKey = (ticketId: string) => `ticket-compensation:${ticketId}`

/**
 * Makes up to the customer for a ticket: points through the loyalty ledger
 * (keyed by the ticket) or a one-time promotion code for them alone, then
 * recorded on the ticket. One of each kind per ticket (409 for a second);
 * a failure takes back what was given.
 */
export const compensateTicketWorkflow = createWorkflow(compensateTicketWorkflowId, (input: CompensateTicketInput) => {
  const type = transform({ input }, ({ input }) => (input.points !== undefined ? ("points" as const) : ("promotion" as const)))
  assertNotCompensatedStep({ ticket_id: input.ticket_id, type })
  const ticket = loadTicketStep({ id: input.ticket_id })

  when("crm-compensate-when-points", { input }, ({ input }) => input.points !== undefined).then(() => {
    awardPointsWorkflow.runAsStep({
      input: transform({ input, ticket }, ({ input, ticket }) => ({
        customer_id: ticket.customer_id,
        points: input.points as number,
        reason: "ticket_compensation",
        source_type: "ticket",
        source_id: ticket.id,
        idempotency_key: ticketCompensationKey(ticket.id),
      })),
    })
  })
  const promotion = when("crm-compensate-when-promotion", { input }, ({ input }) => !!input.promotion).then(() =>
    createCompensationPromotionStep(
      transform({ input, ticket }, ({ input, ticket }) => ({
        ticket_id: ticket.id,
        display_id: ticket.display_id,
        customer_id: ticket.customer_id,
        type: input.promotion!.type,
        value: input.promotion!.value,
        currency_code: input.promotion!.currency_code ?? null,
      }))
    )
  )
  const record = transform({ input, type, promotion }, ({ input, type, promotion }): NewCompensation => ({
    ticket_id: input.ticket_id,
    type,
    points: input.points ?? null,
    promotion_id: promotion?.id ?? null,
    promotion_code: promotion?.code ?? null,
    value_type: input.promotion?.type ?? null,
    value: input.promotion?.value ?? null,
    currency_code: input.promotion?.currency_code ?? null,
    created_by: input.actor_id,
  }))
  const id = recordCompensationStep(record)
  const compensated = transform({ ticket, record, id }, ({ ticket, record, id }) => [
    { ...ticketEventData(ticket), compensation_id: id, type: record.type, points: record.points, promotion_code: record.promotion_code },
  ])
  emitEventStep({ eventName: TicketEvents.COMPENSATED, data: compensated }).config({ name: "crm-emit-ticket-compensated" })
  return new WorkflowResponse({ id })
})
