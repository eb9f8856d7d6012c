import type { MedusaContainer } from "@medusajs/framework/types"
import type { ILoyaltyModuleService } from "../../modules/loyalty/service"
import { nextTier, toStoreTier, windowStart } from "../../modules/loyalty/tiers/ladder"
import type { LoyaltyAccountDTO, StoreLoyaltyAccount } from "../../types/loyalty"
import { CrmModules } from "../../types/modules"
import type { LoyaltyTierDTO } from "../../types/tiers"
import { defaultCurrencyOf } from "../../workflows/order-facts/default-currency"

const DAY_MS = 24 * 60 * 60 * 1000

export type TierStanding = Pick<
  StoreLoyaltyAccount,
  "tier" | "tier_since" | "next_tier" | "points_to_next_tier" | "spend_to_next_tier" | "tier_progress"
>

/** The tier alone, for lists (no per-row measure). */
export function tierOnly(account: LoyaltyAccountDTO, tiers: LoyaltyTierDTO[]): TierStanding {
  const tier = tiers.find((t) => t.id === account.tier_id)
  return {
    tier: tier ? toStoreTier(tier) : null,
    tier_since: account.tier_since ? new Date(account.tier_since).toISOString() : null,
    next_tier: null,
    points_to_next_tier: null,
    spend_to_next_tier: null,
    tier_progress: null,
  }
}

/**
 * Where the member stands: their tier, the next one and what is left to
 * reach it (points or spend, per the settings), measured now with one
 * indexed query, and the end of their grace period when in one.
 */
export async function tierStandingOf(scope: MedusaContainer, account: LoyaltyAccountDTO): Promise<TierStanding> {
  const loyalty = scope.resolve<ILoyaltyModuleService>(CrmModules.LOYALTY)
  const now = new Date()
  const settings = await loyalty.loadSettings()
  const since = windowStart(settings, now)
  const [tiers, value, currency] = await Promise.all([
    loyalty.tierLadder(),
    loyalty.qualifyingValueOf(account.customer_id, { measure: settings.tier_measure, since }),
    settings.tier_measure === "spend" ? defaultCurrencyOf(scope) : null,
  ])
  const tier = tiers.find((t) => t.id === account.tier_id) ?? null
  const next = nextTier(tier?.id ?? null, tiers)
  const remaining = next ? Math.max(Math.round((Number(next.threshold) - value) * 10000) / 10000, 0) : null
  return {
    ...tierOnly(account, tiers),
    next_tier: next ? toStoreTier(next) : null,
    points_to_next_tier: settings.tier_measure === "points" ? remaining : null,
    spend_to_next_tier: settings.tier_measure === "spend" ? remaining : null,
    tier_progress: {
      measure: settings.tier_measure,
      period: settings.tier_period,
      value,
      currency_code: currency,
      window_starts_at: since ? since.toISOString() : null,
      remaining,
      grace_ends_at: account.tier_below_since
        ? new Date(new Date(account.tier_below_since).getTime() + settings.tier_grace_days * DAY_MS).toISOString()
        : null,
    },
  }
}
