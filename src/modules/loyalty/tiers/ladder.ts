import type { LoyaltySettingsDTO } from "../../../types/settings"
import type { LoyaltyTierDTO, StoreLoyaltyTier, TierBenefits } from "../../../types/tiers"

type Rung = Pick<LoyaltyTierDTO, "id" | "rank" | "threshold">

/** The ladder a store starts with: spend in its default currency over 12 months. */
export const DEFAULT_TIERS = [
  { name: "Basic", rank: 0, threshold: 0, multiplier: 1, discount_percent: 0, free_shipping: false, birthday_bonus_points: null, support_priority: "normal" },
  { name: "Silver", rank: 1, threshold: 500, multiplier: 1.25, discount_percent: 0, free_shipping: false, birthday_bonus_points: 100, support_priority: "normal" },
  { name: "Gold", rank: 2, threshold: 1500, multiplier: 1.5, discount_percent: 5, free_shipping: true, birthday_bonus_points: 250, support_priority: "high" },
  { name: "Diamond", rank: 3, threshold: 5000, multiplier: 2, discount_percent: 10, free_shipping: true, birthday_bonus_points: 500, support_priority: "urgent" },
] as const

export const byRank = <T extends { rank: number }>(tiers: T[]) => [...tiers].sort((a, b) => a.rank - b.rank)

/** Why the ladder is not usable, or null: ranks unique, thresholds rising strictly with rank. */
export function ladderProblem(tiers: Rung[]): string | null {
  const sorted = byRank(tiers)
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].rank === sorted[i - 1].rank) {
      return `Two tiers have rank ${sorted[i].rank}`
    }
    if (Number(sorted[i].threshold) <= Number(sorted[i - 1].threshold)) {
      return "Thresholds must rise with rank: each tier needs a higher threshold than the tier ranked below it"
    }
  }
  return null
}

/** The highest tier whose threshold `value` reaches, or null below the lowest. */
export function qualifiedTier<T extends Rung>(value: number, tiers: T[]): T | null {
  let found: T | null = null
  for (const tier of byRank(tiers)) {
    if (value >= Number(tier.threshold)) {
      found = tier
    }
  }
  return found
}

/** The tier ranked just above `tierId` (the lowest tier when `tierId` is null), or null at the top. */
export function nextTier<T extends Rung>(tierId: string | null, tiers: T[]): T | null {
  const sorted = byRank(tiers)
  if (!tierId) {
    return sorted[0] ?? null
  }
  const index = sorted.findIndex((tier) => tier.id === tierId)
  return index === -1 ? null : sorted[index + 1] ?? null
}

/** Orders placed (or points earned) since this instant count; null: all time. */
export function windowStart(
  settings: Pick<LoyaltySettingsDTO, "tier_period" | "tier_window_months">,
  now: Date
): Date | null {
  if (settings.tier_period === "lifetime") {
    return null
  }
  if (settings.tier_period === "calendar_year") {
    return new Date(Date.UTC(now.getUTCFullYear(), 0, 1))
  }
  const start = new Date(now)
  start.setUTCMonth(start.getUTCMonth() - settings.tier_window_months)
  return start
}

/** Whether the tier still needs its customer group, or a promotion one of its benefits calls for. */
export const lacksBenefits = (tier: LoyaltyTierDTO) =>
  !tier.customer_group_id ||
  (tier.discount_percent > 0 && !tier.discount_promotion_id) ||
  (tier.free_shipping && !tier.shipping_promotion_id)

export function benefitsOf(tier: LoyaltyTierDTO): TierBenefits {
  return {
    multiplier: tier.multiplier,
    discount_percent: tier.discount_percent,
    free_shipping: tier.free_shipping,
    birthday_bonus_points: tier.birthday_bonus_points,
    support_priority: tier.support_priority,
  }
}

export function toStoreTier(tier: LoyaltyTierDTO): StoreLoyaltyTier {
  return {
    id: tier.id,
    name: tier.name,
    description: tier.description,
    rank: tier.rank,
    threshold: Number(tier.threshold),
    benefits: benefitsOf(tier),
  }
}

/**
 * The ladder (ids and thresholds, lowest first) after creating or changing
 * one tier: a tier given a rank is put at that position, the others keep
 * their order.
 */
export function ladderAfter(
  tiers: Rung[],
  change: { id: string; rank?: number; threshold?: number }
): Rung[] {
  const current = byRank(tiers)
  const existing = current.find((tier) => tier.id === change.id)
  const others = current.filter((tier) => tier.id !== change.id)
  const moved: Rung = {
    id: change.id,
    rank: 0,
    threshold: change.threshold ?? existing?.threshold ?? 0,
  }
  const position =
    change.rank !== undefined
      ? Math.max(0, Math.min(change.rank, others.length))
      : existing
        ? current.indexOf(existing)
        : others.length
  const ordered = [...others.slice(0, position), moved, ...others.slice(position)]
  return ordered.map((tier, index) => ({ ...tier, rank: index }))
}
