import type { StoreLoyaltyTier, TierProgress } from "./tiers"

/** A loyalty account as the loyalty module stores it. */
export type LoyaltyAccountDTO = {
  id: string
  customer_id: string
  points_balance: number
  pending_points: number
  held_points: number
  lifetime_points: number
  birthday: string | null
  birthday_set_at: Date | string | null
  /** The code this member shares with friends. */
  referral_code: string | null
  /** The member whose code this customer signed up with. */
  referred_by_account_id: string | null
  /** The member's tier; null until the first evaluation. */
  tier_id: string | null
  tier_since: Date | string | null
  /** When the member stopped qualifying for their tier; cleared when they qualify again. */
  tier_below_since: Date | string | null
  metadata: Record<string, unknown> | null
  created_at: Date | string
  updated_at: Date | string
}

export type ExpiringPoints = {
  points: number
  expires_at: string
}

/** `loyalty_account` as `GET /store/loyalty/account` answers it. */
export type StoreLoyaltyAccount = {
  id: string
  customer_id: string
  /** All vested points, including those held by open carts. */
  points_balance: number
  /** What the customer can spend now: points_balance - held_points. */
  available_points: number
  pending_points: number
  held_points: number
  lifetime_points: number
  /** The code to share: a friend who signs up with it and places a first order earns both of them a bonus. */
  referral_code: string | null
  tier: StoreLoyaltyTier | null
  /** Since when the member holds `tier`. */
  tier_since: string | null
  next_tier: StoreLoyaltyTier | null
  /** Points still to earn for `next_tier` when tiers are earned with points; null otherwise or at the top. */
  points_to_next_tier: number | null
  /** Spend (store default currency) still needed for `next_tier` when tiers are earned by spend; null otherwise. */
  spend_to_next_tier: number | null
  tier_progress: TierProgress | null
  expiring_points: ExpiringPoints[]
}

export type StoreLoyaltyAccountResponse = {
  loyalty_account: StoreLoyaltyAccount
}

/** A ledger entry as the admin sees it. */
export type AdminLoyaltyTransaction = {
  id: string
  type: string
  points: number
  reason: string | null
  /** The admin's own words for an adjustment. */
  note: string | null
  reference_type: string | null
  reference_id: string | null
  status: string
  created_at: string
  expires_at: string | null
  actor_type: string | null
  actor_id: string | null
}

export type StoreLoyaltyTransactionsResponse = {
  transactions: AdminLoyaltyTransaction[]
  count: number
  offset: number
  limit: number
}

/** `loyalty_account` as `GET /admin/customers/:id/loyalty` answers it. */
export type AdminLoyaltyAccount = StoreLoyaltyAccount & {
  /** The customer whose referral code this customer signed up with. */
  referred_by_customer_id: string | null
  created_at: string
  updated_at: string
  transactions: AdminLoyaltyTransaction[]
}

export type AdminCustomerLoyaltyResponse = {
  loyalty_account: AdminLoyaltyAccount
}
