import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { returnedShare } from "../../../modules/loyalty/ledger/earned-points"
import { orderLedgerKeys } from "../order-keys"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { reverseOrderPointsWorkflow } from "./reverse-order-points"

export const reverseReturnedPointsWorkflowId = "crm-reverse-returned-points"

/**
 * A received return takes back the returned goods' share of the points the
 * order earned (`reverse:{return_id}`, once). Several partial returns never
 * take back more than was earned: the ledger caps each reversal at what is
 * left of the earn.
 */
export const reverseReturnedPointsWorkflow = createWorkflow(
  reverseReturnedPointsWorkflowId,
  (input: { order_id: string; return_id: string }) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      // An order-level total makes the order module compute line totals.
      fields: ["id", "total", "items.id", "items.quantity", "items.total", "items.tax_total"],
      filters: { id: input.order_id },
    }).config({ name: "crm-returned-get-order" })
    const { data: returns } = useQueryGraphStep({
      entity: "return",
      fields: ["id", "items.item_id", "items.quantity", "items.received_quantity", "items.damaged_quantity"],
      filters: { id: input.return_id },
    }).config({ name: "crm-returned-get-return" })
    const settings = loadLoyaltySettingsStep()

    const reversal = transform({ input, orders, returns, settings }, ({ input, orders, returns, settings }) => {
      const items = (orders[0]?.items ?? []).filter(Boolean) as any[]
      const returned = ((returns[0]?.items ?? []) as any[]).filter(Boolean).map((line) => {
        const received = Number(line.received_quantity ?? 0) + Number(line.damaged_quantity ?? 0)
        return { item_id: line.item_id, quantity: received > 0 ? received : Number(line.quantity ?? 0) }
      })
      return {
        order_id: input.order_id,
        idempotency_key: orderLedgerKeys.return(input.return_id),
        ratio: returnedShare(items, returned, settings),
        reason: "order_returned" as const,
        source_type: "return" as const,
        source_id: input.return_id,
      }
    })
    const result = reverseOrderPointsWorkflow.runAsStep({ input: reversal })
    return new WorkflowResponse(result)
  }
)
