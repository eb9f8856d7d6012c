import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { earnOrderPointsWorkflow } from "../workflows/earn-order-points"
import { cancelReversalOf, reverseOrderPointsWorkflow } from "../workflows/reverse-order-points"
import { reverseReturnedPointsWorkflow } from "../workflows/reverse-returned-points"
import { recordOrderFactsWorkflow } from "../../order-facts/workflows/record-order-facts"

export const reconcileOrdersStepId = "crm-reconcile-orders"

export type ReconcileOrdersInput = {
  /** Orders changed and returns received in (since, until]. */
  since: Date | string
  until: Date | string
  limit: number
  offset: number
}

/**
 * Replays what the order events would have done for one page of orders and
 * returns: earn, cancel reversal, return reversal. Each of those is
 * idempotent by its ledger key, so an order whose events did arrive changes
 * nothing, and one whose events were lost gets exactly its missing entries.
 */
export const reconcileOrdersStep = createStep(reconcileOrdersStepId, async (input: ReconcileOrdersInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const window = { $gt: new Date(input.since), $lte: new Date(input.until) }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "status"],
    filters: { updated_at: window },
    pagination: { order: { updated_at: "ASC", id: "ASC" }, skip: input.offset, take: input.limit },
  })
  const { data: returns } = await query.graph({
    entity: "return",
    fields: ["id", "order_id"],
    filters: { received_at: window },
    pagination: { order: { received_at: "ASC", id: "ASC" }, skip: input.offset, take: input.limit },
  })

  const changedOrderIds = [...new Set([...orders.map((o) => o.id), ...returns.map((r) => r.order_id as string)])]
  if (changedOrderIds.length) {
    // Lost order events leave the order facts behind too.
    await recordOrderFactsWorkflow(container).run({ input: { order_ids: changedOrderIds } })
  }

  let written = 0
  if (orders.length) {
    const { result: earned } = await earnOrderPointsWorkflow(container).run({
      input: { order_ids: orders.map((order) => order.id) },
    })
    written += earned.posted?.entries.length ?? 0
  }
  for (const order of orders) {
    if (order.status === "canceled") {
      const { result: reversed } = await reverseOrderPointsWorkflow(container).run({
        input: cancelReversalOf(order.id),
      })
      written += reversed.posted?.entries.length ?? 0
    }
  }
  for (const received of returns) {
    const { result } = await reverseReturnedPointsWorkflow(container).run({
      input: { order_id: received.order_id as string, return_id: received.id },
    })
    written += result.posted?.entries.length ?? 0
  }
  return new StepResponse({
    orders: orders.length,
    returns: returns.length,
    written,
    more: orders.length === input.limit || returns.length === input.limit,
  })
})
