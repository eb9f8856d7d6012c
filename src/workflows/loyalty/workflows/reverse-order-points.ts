import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import { orderLedgerKeys } from "../order-keys"
import { ensureLoyaltyAccountsStep } from "../steps/ensure-loyalty-accounts"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const reverseOrderPointsWorkflowId = "crm-reverse-order-points"

export type ReverseOrderPointsInput = {
  order_id: string
  /** The reversal's own key: `cancel:{order_id}`, `reverse:{return_id}`. */
  idempotency_key: string
  /** Share of the order's earned points to take back, (0, 1]. */
  ratio: number
  reason: "order_canceled" | "order_returned"
  source_type: "order" | "return"
  source_id: string
}

/** The reversal a cancelled order gets: all it earned, once. */
export const cancelReversalOf = (orderId: string): ReverseOrderPointsInput => ({
  order_id: orderId,
  idempotency_key: orderLedgerKeys.cancel(orderId),
  ratio: 1,
  reason: "order_canceled",
  source_type: "order",
  source_id: orderId,
})

/**
 * Takes back (a share of) the points an order earned: pending points if
 * they have not vested, else available points, never more than was earned
 * and not yet reversed. When the balance cannot cover it the settings decide:
 * clamp at zero or arrears. A cancel that arrives before the earn still
 * writes its entry, and the earn, seeing it, does nothing.
 */
export const reverseOrderPointsWorkflow = createWorkflow(
  reverseOrderPointsWorkflowId,
  (input: ReverseOrderPointsInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "customer_id", "customer.has_account"],
      filters: { id: input.order_id },
    }).config({ name: "crm-reverse-get-order" })
    const settings = loadLoyaltySettingsStep()

    const customerId = transform({ orders }, ({ orders }) =>
      orders[0]?.customer_id && orders[0]?.customer?.has_account ? (orders[0].customer_id as string) : null
    )

    const result = when("crm-reverse-when-customer", { customerId }, ({ customerId }) => !!customerId).then(() => {
      const customerIds = transform({ customerId }, ({ customerId }) => [customerId!])
      const { accounts } = ensureLoyaltyAccountsStep({ customer_ids: customerIds })
      const postings = transform({ input, accounts, settings }, ({ input, accounts, settings }): Posting[] => [
        {
          account_id: accounts[0].id,
          type: "reverse",
          idempotency_key: input.idempotency_key,
          reverse_of: { idempotency_key: orderLedgerKeys.earn(input.order_id), ratio: input.ratio },
          overdraft: settings.reversal_overdraft === "arrears" ? "allow" : "clamp",
          reason: input.reason,
          source_type: input.source_type,
          source_id: input.source_id,
          actor_type: "system",
        },
      ])
      return postLedgerEntriesStep({ postings })
    })

    return new WorkflowResponse({ posted: result })
  }
)
