import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findDeliveredOrdersStep } from "../steps/find-delivered-orders"
import { findOrdersOfFulfillmentsStep } from "../steps/find-orders-of-fulfillments"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { activatePointsWorkflow } from "./activate-points"

export const activateDeliveredOrderPointsWorkflowId = "crm-activate-delivered-order-points"

/**
 * The delivery that completes an order (every item that ships delivered)
 * makes its pending points available, unless the settings vest points by
 * days only.
 */
export const activateDeliveredOrderPointsWorkflow = createWorkflow(
  activateDeliveredOrderPointsWorkflowId,
  (input: { fulfillment_id: string }) => {
    const settings = loadLoyaltySettingsStep()
    const fulfillmentIds = transform({ input }, ({ input }) => [input.fulfillment_id])
    const fulfilledOrderIds = findOrdersOfFulfillmentsStep({ fulfillment_ids: fulfillmentIds })
    const orderIds = findDeliveredOrdersStep({ order_ids: fulfilledOrderIds })
    const activated = when("crm-activate-when-delivery-vests", { settings }, ({ settings }) => settings.activation !== "days").then(
      () => activatePointsWorkflow.runAsStep({ input: { order_ids: orderIds } })
    )
    return new WorkflowResponse({ order_ids: orderIds, activated })
  }
)
