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
import { orderLedgerKeys } from "../order-keys"
import { ensureLoyaltyAccountsStep } from "../steps/ensure-loyalty-accounts"
import { loadEarningRulesStep } from "../steps/load-earning-rules"
import { postLedgerEntriesStep } from "../steps/post-ledger-entries"

export const earnOrderPointsWorkflowId = "crm-earn-order-points"

/** One order (the `order.placed` subscriber) or a batch (reconciliation, back-fills). */
export type EarnOrderPointsInput = { order_id?: string; order_ids?: string[] }

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
  campaigns: LoyaltyCampaignDTO[] = [],
  tier: { id: string; multiplier: number } | null = null
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
  const campaign = campaignMultiplier(campaigns, placedAt, { tier_id: tier?.id ?? null })
  const tierMultiplier = tier?.multiplier ?? 1
  const points = earnedPoints(amount, {
    earn_rate: earnRateFor(order.currency_code, settings),
    multipliers: [campaign, tierMultiplier],
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
      metadata: {
        eligible_amount: amount.numeric,
        currency_code: order.currency_code,
        campaign_multiplier: campaign,
        tier_id: tier?.id ?? null,
        tier_multiplier: tierMultiplier,
      },
    } as Omit<Posting, "account_id">,
  }
}

/**
 * Credits the points orders earn as pending points. Idempotent by the key
 * `earn:{order_id}`: `order.placed` delivered any number of times, in any
 * order with `order.canceled`, leaves at most one earn entry. A batch costs
 * one order read, one settings and campaign read and one ledger transaction.
 */
export const earnOrderPointsWorkflow = createWorkflow(
  earnOrderPointsWorkflowId,
  (input: EarnOrderPointsInput) => {
    const orderIds = transform({ input }, ({ input }) => [
      ...new Set([...(input.order_ids ?? []), ...(input.order_id ? [input.order_id] : [])]),
    ])
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
      filters: { id: orderIds },
    }).config({ name: "crm-earn-get-order" })
    const { settings, campaigns, tiers } = loadEarningRulesStep(
      transform({ orders }, ({ orders }) => {
        const placed = orders.map((order) => new Date(order.created_at as string).getTime())
        return placed.length
          ? {
              from: new Date(Math.min(...placed)),
              until: new Date(Math.max(...placed)),
              customer_ids: orders.map((order) => order.customer_id).filter((id): id is string => !!id),
            }
          : {}
      })
    )

    const earnings = transform({ orders, settings, campaigns, tiers }, ({ orders, settings, campaigns, tiers }) =>
      orders
        .map((order) =>
          planOrderEarning(order as OrderForEarning, settings, campaigns, (order.customer_id && tiers[order.customer_id]) || null)
        )
        .filter((earning): earning is NonNullable<typeof earning> => !!earning)
    )

    const posted = when("crm-earn-when-points", { earnings }, ({ earnings }) => earnings.length > 0).then(() => {
      const customerIds = transform({ earnings }, ({ earnings }) => earnings.map((earning) => earning.customer_id))
      const { accounts } = ensureLoyaltyAccountsStep({ customer_ids: customerIds })
      const postings = transform({ earnings, accounts }, ({ earnings, accounts }) => {
        const accountOf = new Map(accounts.map((account) => [account.customer_id, account.id]))
        return earnings.map((earning) => ({ ...earning.posting, account_id: accountOf.get(earning.customer_id)! }) as Posting)
      })
      return postLedgerEntriesStep({ postings })
    })

    return new WorkflowResponse({ earnings, posted })
  }
)
