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
  created_at: Date | string
  updated_at: Date | string
}

export type UpdateLoyaltySettings = Partial<Omit<LoyaltySettingsDTO, "id" | "created_at" | "updated_at">>

export const LOYALTY_SETTINGS_ID = "lpset_default"
