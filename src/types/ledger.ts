/**
 * Kinds of ledger entries. `activate` moves points from pending to
 * available when an order is delivered or its pending days have passed.
 */
export const LEDGER_ENTRY_TYPES = [
  "earn",
  "activate",
  "hold",
  "release",
  "redeem",
  "reverse",
  "expire",
  "adjust",
  "bonus",
] as const
export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number]

export const LOT_STATUSES = ["pending", "available", "exhausted", "expired", "reversed"] as const
export type LotStatus = (typeof LOT_STATUSES)[number]

export type LotAllocation = { lot_id: string; points: number }

export type LoyaltyEntryDTO = {
  id: string
  account_id: string
  type: LedgerEntryType
  points: number
  pending_delta: number
  held_delta: number
  balance_after: number
  idempotency_key: string
  reason: string | null
  note: string | null
  source_type: string | null
  source_id: string | null
  actor_type: string | null
  actor_id: string | null
  lot_allocations: LotAllocation[] | null
  metadata: Record<string, unknown> | null
  created_at: Date | string
}

export type LoyaltyLotDTO = {
  id: string
  account_id: string
  entry_id: string
  status: LotStatus
  points: number
  remaining: number
  source_type: string | null
  source_id: string | null
  available_at: Date | string | null
  expires_at: Date | string | null
  created_at: Date | string
}

export type LoyaltyRedemptionDTO = {
  id: string
  account_id: string
  customer_id: string
  cart_id: string
  points: number
  amount: number
  currency_code: string
  promotion_id: string | null
  promotion_code: string
  status: "held" | "redeemed" | "released"
  expires_at: Date | string
  order_id: string | null
  created_at: Date | string
}

export type LoyaltyCampaignDTO = {
  id: string
  name: string
  multiplier: number
  starts_at: Date | string
  ends_at: Date | string
  weekdays: number[] | null
  days_of_month: number[] | null
  tier_ids: string[] | null
  segment_ids: string[] | null
  active: boolean
  created_at: Date | string
  updated_at: Date | string
}
