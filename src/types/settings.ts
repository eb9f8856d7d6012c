import type { TierMeasure, TierPeriod } from "./tiers"

export type LoyaltySettingsDTO = {
  id: string
  earn_rate: number
  earn_rates: Record<string, number>
  point_value: number
  point_values: Record<string, number>
  activation: "delivery_or_days" | "delivery" | "days"
  pending_days: number
  expiry_months: number | null
  expiry_reminder_days: number
  max_redeem_ratio: number
  min_redeem_points: number
  hold_minutes: number
  reversal_overdraft: "clamp" | "arrears"
  include_shipping: boolean
  include_tax: boolean
  signup_bonus_points: number
  birthday_bonus_points: number
  referrer_bonus_points: number
  referee_bonus_points: number
  review_bonus_points: number
  survey_bonus_points: number
  /** What qualifies a member for a tier. */
  tier_measure: TierMeasure
  /** Over which orders: the last `tier_window_months`, this calendar year, or all time. */
  tier_period: TierPeriod
  tier_window_months: number
  /** Days a member keeps a tier after they stop qualifying for it. */
  tier_grace_days: number
  /** Whether members get an e-mail when they move up a tier. */
  tier_upgrade_email: boolean
  /** Units of the store's default currency per unit of another currency: `{ "usd": 0.92 }`. */
  exchange_rates: Record<string, number>
  created_at: Date | string
  updated_at: Date | string
}

export type UpdateLoyaltySettings = Partial<Omit<LoyaltySettingsDTO, "id" | "created_at" | "updated_at">>

export const LOYALTY_SETTINGS_ID = "lpset_default"
