import {
  createWorkflow,
  transform,
  when,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { expiryOf } from "../../../modules/loyalty/ledger/bonus-posting"
import { earnedPoints, earnRateFor, eligibleAmount } from "../../../modules/loyalty/ledger/earned-points"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import { campaignMultiplier } from "../../../modules/loyalty/ledger/campaigns"
import type { LoyaltyCampaignDTO } from "../../../types/ledger"
import type { LoyaltySettingsDTO } from "../../../types/settings"
import { loadCampaignsStep } from "../steps/load-campaigns"
import { orderLedgerKeys } from "../order-keys"
import { ensureLoyaltyAccountsStep } from "../steps/ensure-loyalty-accounts"
import { loadLoyaltySettingsStep } from "../steps/load-loyalty-settings"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const earnOrderPointsWorkflowId = "crm-earn-order-points"

export type EarnOrderPointsInput = { order_id: string }

type OrderForEarning = {
  id: string
  customer_id: string | null
  currency_code: string
  status: string
  created_at: string | Date
  customer?: { has_account: boolean } | null
  items: { total: any; tax_total: any }[]
  shipping_methods: { total: any; tax_total: any }[]
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The earn of an order as a pending credit, or null when it earns nothing. */
export function planOrderEarning(
  order: OrderForEarning | undefined,
  settings: LoyaltySettingsDTO,
  campaigns: LoyaltyCampaignDTO[] = []
) {
  if (!order?.customer_id || !order.customer?.has_account || order.status === "canceled") {
    return null
  }
  const amount = eligibleAmount(
    (order.items ?? []).filter(Boolean),
    (order.shipping_methods ?? []).filter(Boolean),
    settings
  )
  const placedAt = new Date(order.created_at)
  const campaign = campaignMultiplier(campaigns, placedAt)
  const points = earnedPoints(amount, {
    earn_rate: earnRateFor(order.currency_code, settings),
    // The tier multiplier joins here with the tiers capability.
    multipliers: [campaign],
  })
  if (points <= 0) {
    return null
  }
  const availableAt =
    settings.activation === "delivery" ? null : new Date(placedAt.getTime() + settings.pending_days * DAY_MS)
  const expiresAt = expiryOf(placedAt, settings.expiry_months)
  return {
    customer_id: order.customer_id,
    points,
    eligible_amount: amount.numeric,
    posting: {
      type: "earn",
      idempotency_key: orderLedgerKeys.earn(order.id),
      // A cancel that arrived first wins: the earn becomes a no-op.
      unless_keys: [orderLedgerKeys.cancel(order.id)],
      pending_delta: points,
      counts_as_earned: true,
      lot: { status: "pending", available_at: availableAt, expires_at: expiresAt },
      reason: "order",
      source_type: "order",
      source_id: order.id,
      actor_type: "system",
      metadata: { eligible_amount: amount.numeric, currency_code: order.currency_code, campaign_multiplier: campaign },
    } as Omit<Posting, "account_id">,
  }
}

/**
 * Credits the points an order earns as pending points. Idempotent by the
 * key `earn:{order_id}`: `order.placed` delivered any number of times, in
 * any order with `order.canceled`, leaves at most one earn entry.
 */
export const earnOrderPointsWorkflow = createWorkflow(
  earnOrderPointsWorkflowId,
  (input: EarnOrderPointsInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: [
        "id",
        "customer_id",
        "currency_code",
        "status",
        "created_at",
        "customer.has_account",
        // The order module computes line totals only when an order-level
        // total is selected too.
        "total",
        "items.id",
        "items.quantity",
        "items.total",
        "items.tax_total",
        "shipping_methods.id",
        "shipping_methods.total",
        "shipping_methods.tax_total",
      ],
      filters: { id: input.order_id },
    }).config({ name: "crm-earn-get-order" })
    const settings = loadLoyaltySettingsStep()
    const campaigns = loadCampaignsStep(
      transform({ orders }, ({ orders }) => ({ at: orders[0]?.created_at as string | undefined }))
    )

    const earning = transform({ orders, settings, campaigns }, ({ orders, settings, campaigns }) =>
      planOrderEarning(orders[0] as OrderForEarning | undefined, settings, campaigns)
    )

    const result = when("crm-earn-when-points", { earning }, ({ earning }) => !!earning).then(() => {
      const customerIds = transform({ earning }, ({ earning }) => [earning!.customer_id])
      const { accounts } = ensureLoyaltyAccountsStep({ customer_ids: customerIds })
      const postings = transform({ earning, accounts }, ({ earning, accounts }) => [
        { ...earning!.posting, account_id: accounts[0].id } as Posting,
      ])
      return postLedgerEntriesStep({ postings })
    })

    return new WorkflowResponse({ earning, posted: result })
  }
)
