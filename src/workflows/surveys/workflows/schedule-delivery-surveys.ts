import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findDeliveredOrdersStep } from "../../loyalty/steps/find-delivered-orders"
import { findOrdersOfFulfillmentsStep } from "../../loyalty/steps/find-orders-of-fulfillments"
import { planDeliveryInvitationsStep } from "../steps/plan-triggered-invitations"
import { scheduleInvitationsStep } from "../steps/schedule-invitations"

export const scheduleDeliverySurveysWorkflowId = "crm-schedule-delivery-surveys"

/**
 * A delivery that completes an order schedules each active "delivery"
 * survey's invitation, due its delay later; a delivery reported twice (or
 * a later parcel) schedules nothing more.
 */
export const scheduleDeliverySurveysWorkflow = createWorkflow(
  scheduleDeliverySurveysWorkflowId,
  (input: { fulfillment_id: string; delivered_at?: Date | string }) => {
    const fulfillmentIds = transform({ input }, ({ input }) => [input.fulfillment_id])
    const orderIds = findOrdersOfFulfillmentsStep({ fulfillment_ids: fulfillmentIds })
    const deliveredIds = findDeliveredOrdersStep({ order_ids: orderIds })
    const deliveredAt = transform({ input }, ({ input }) => input.delivered_at ?? new Date())
    const invitations = planDeliveryInvitationsStep({ order_ids: deliveredIds, delivered_at: deliveredAt })
    return new WorkflowResponse(scheduleInvitationsStep(invitations))
  }
)
