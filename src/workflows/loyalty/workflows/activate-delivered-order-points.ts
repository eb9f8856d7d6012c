import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { findOrdersOfFulfillmentsStep } from "../steps/find-orders-of-fulfillments"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { activatePointsWorkflow } from "./activate-points"

export const activateDeliveredOrderPointsWorkflowId = "crm-activate-delivered-order-points"

/**
 * A delivered fulfilment makes its order's pending points available, unless
 * the settings vest points by days only.
 */
export const activateDeliveredOrderPointsWorkflow = createWorkflow(
  activateDeliveredOrderPointsWorkflowId,
  (input: { fulfillment_id: string }) => {
    const settings = loadLoyaltySettingsStep()
    const fulfillmentIds = transform({ input }, ({ input }) => [input.fulfillment_id])
    const orderIds = findOrdersOfFulfillmentsStep({ fulfillment_ids: fulfillmentIds })
    const activated = when("crm-activate-when-delivery-vests", { settings }, ({ settings }) => settings.activation !== "days").then(
      () => activatePointsWorkflow.runAsStep({ input: { order_ids: orderIds } })
    )
    return new WorkflowResponse({ order_ids: orderIds, activated })
  }
)
