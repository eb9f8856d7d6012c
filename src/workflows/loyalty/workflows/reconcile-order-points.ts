import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reconcileOrdersStep, ReconcileOrdersInput } from "../steps/reconcile-orders"

export const reconcileOrderPointsWorkflowId = "crm-reconcile-order-points"

/** One page of the reconciliation of order points (see the job). */
export const reconcileOrderPointsWorkflow = createWorkflow(
  reconcileOrderPointsWorkflowId,
  (input: ReconcileOrdersInput) => new WorkflowResponse(reconcileOrdersStep(input))
)
