/** How a tier is earned: money spent, or points earned. */
export const TIER_MEASURES = ["spend", "points"] as const
export type TierMeasure = (typeof TIER_MEASURES)[number]

/** Over which orders the measure is taken. */
export const TIER_PERIODS = ["rolling", "calendar_year", "lifetime"] as const
export type TierPeriod = (typeof TIER_PERIODS)[number]

/** Read by the tickets capability: tickets from the tier start at this priority. */
export const SUPPORT_PRIORITIES = ["low", "normal", "high", "urgent"] as const
export type SupportPriority = (typeof SUPPORT_PRIORITIES)[number]

/** A tier as the loyalty module stores it. */
export type LoyaltyTierDTO = {
  id: string
  name: string
  description: string | null
  /** 0 is the lowest; unique among tiers. */
  rank: number
  /** The least qualifying measure (spend in the store's default currency, or points) for the tier. */
  threshold: number
  /** Points earned are multiplied by this. */
  multiplier: number
  /** 0-100; an automatic promotion on the tier's customer group when above 0. */
  discount_percent: number
  free_shipping: boolean
  /** Replaces the settings' birthday bonus for members; null: the settings' value. */
  birthday_bonus_points: number | null
  support_priority: SupportPriority
  /** The Medusa customer group mirroring the tier's members. */
  customer_group_id: string | null
  discount_promotion_id: string | null
  shipping_promotion_id: string | null
  created_at: Date | string
  updated_at: Date | string
}

export type TierBenefits = {
  multiplier: number
  discount_percent: number
  free_shipping: boolean
  birthday_bonus_points: number | null
  support_priority: SupportPriority
}

/** A tier as `GET /store/loyalty/tiers` lists it. */
export type StoreLoyaltyTier = {
  id: string
  name: string
  description: string | null
  rank: number
  threshold: number
  benefits: TierBenefits
}

export type StoreLoyaltyTiersResponse = { tiers: StoreLoyaltyTier[] }

/** A tier as the admin routes answer it. */
export type AdminLoyaltyTier = LoyaltyTierDTO & {
  benefits: TierBenefits
  /** Accounts currently in the tier. */
  member_count: number
}

export type AdminLoyaltyTiersResponse = { tiers: AdminLoyaltyTier[] }
export type AdminLoyaltyTierResponse = { tier: AdminLoyaltyTier }

/** Where a member stands: the measure, the window it is taken over, and what is left to the next tier. */
export type TierProgress = {
  measure: TierMeasure
  period: TierPeriod
  /** The measure now: spend in `currency_code`, or points. */
  value: number
  /** The store's default currency when the measure is spend. */
  currency_code: string | null
  /** Orders placed since then count; null for lifetime. */
  window_starts_at: string | null
  /** The next tier's threshold minus `value`; null at the top. */
  remaining: number | null
  /** Set while the member no longer qualifies for their tier: when they are moved down unless they qualify again. */
  grace_ends_at: string | null
}

/** One account whose tier an evaluation changed. */
export type TierChange = {
  account_id: string
  customer_id: string
  previous_tier_id: string | null
  tier_id: string | null
  direction: "up" | "down"
}

/** A recorded move (see models/loyalty-tier-change.ts). */
export type LoyaltyTierChangeDTO = {
  id: string
  account_id: string
  customer_id: string
  previous_tier_id: string | null
  tier_id: string | null
  direction: "up" | "down"
  reason: "signup" | "order" | "evaluation" | "tier_deleted"
  qualifying_value: number | null
  processed_at: Date | string | null
  created_at: Date | string
}

/** What a re-evaluation did. */
export type TierEvaluationResult = {
  upgraded: number
  downgraded: number
  /** Members who stopped qualifying and entered their grace period. */
  grace_started: number
  /** Members in grace who qualify again. */
  grace_cleared: number
  group_links_added: number
  group_links_removed: number
}

export type AdminTierEvaluationResponse = { evaluation: TierEvaluationResult }

/** The payload of `crm.loyalty.tier_changed`. */
export type TierChangedEventData = TierChange & {
  previous_tier_name: string | null
  tier_name: string | null
}
