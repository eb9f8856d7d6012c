import { z } from "@medusajs/framework/zod"
import { listParams } from "../../utils/list-params"
import { SUPPORT_PRIORITIES, TIER_MEASURES, TIER_PERIODS } from "../../../types/tiers"

const currencyRates = (what: string) =>
  z
    .record(z.string(), z.number().positive(`${what} per currency must be greater than 0`))
    .refine((rates) => Object.keys(rates).every((code) => /^[a-z]{3}$/.test(code)), {
      message: `${what}: currency codes are 3 lower-case letters, e.g. "eur"`,
    })

/** 0 switches a bonus off. */
const bonusPoints = z.number().int().min(0).max(1_000_000)

/** A partial update of the loyalty settings; unknown fields are a 400. */
export const AdminUpdateLoyaltySettings = z
  .object({
    earn_rate: z.number().min(0, "earn_rate must be 0 or more"),
    earn_rates: currencyRates("earn rates"),
    point_value: z.number().positive("point_value must be greater than 0"),
    point_values: currencyRates("point values"),
    activation: z.enum(["delivery_or_days", "delivery", "days"]),
    pending_days: z.number().int().min(0).max(365),
    expiry_months: z.number().int().min(1).max(120).nullable(),
    expiry_reminder_days: z.number().int().min(0).max(90),
    max_redeem_ratio: z.number().gt(0, "max_redeem_ratio must be greater than 0").max(1, "max_redeem_ratio is a share of the cart, at most 1"),
    min_redeem_points: z.number().int().min(1),
    hold_minutes: z.number().int().min(1).max(60 * 24 * 30),
    reversal_overdraft: z.enum(["clamp", "arrears"]),
    include_shipping: z.boolean(),
    include_tax: z.boolean(),
    signup_bonus_points: bonusPoints,
    birthday_bonus_points: bonusPoints,
    referrer_bonus_points: bonusPoints,
    referee_bonus_points: bonusPoints,
    review_bonus_points: bonusPoints,
    survey_bonus_points: bonusPoints,
    tier_measure: z.enum(TIER_MEASURES),
    tier_period: z.enum(TIER_PERIODS),
    tier_window_months: z.number().int().min(1, "tier_window_months must be at least 1").max(60),
    tier_grace_days: z.number().int().min(0).max(365),
    tier_upgrade_email: z.boolean(),
    exchange_rates: currencyRates("exchange rates"),
  })
  .partial()
  .strict()

export type AdminUpdateLoyaltySettingsType = z.infer<typeof AdminUpdateLoyaltySettings>

export const AdminGetLoyaltyAccountsParams = z
  .object({
    ...listParams,
    q: z.string().trim().min(1).max(200).optional(),
    tier_id: z.string().optional(),
  })
  .strict()

export type AdminGetLoyaltyAccountsParamsType = z.infer<typeof AdminGetLoyaltyAccountsParams>

const campaignFields = z
  .object({
    name: z.string().trim().min(1, "name is required").max(200),
    multiplier: z.number().gt(0, "multiplier must be greater than 0").max(10, "multiplier must be at most 10"),
    starts_at: z.coerce.date({ error: "starts_at must be a date" }),
    ends_at: z.coerce.date({ error: "ends_at must be a date" }),
    weekdays: z.array(z.number().int().min(0).max(6, "weekdays are 0 (Sunday) to 6")).max(7).nullish(),
    days_of_month: z.array(z.number().int().min(1).max(31, "days_of_month are 1 to 31")).max(31).nullish(),
    tier_ids: z.array(z.string().min(1)).nullish(),
    segment_ids: z.array(z.string().min(1)).nullish(),
    active: z.boolean().optional(),
  })
  .strict()

const endsAfterStart = {
  message: "ends_at must be after starts_at",
  path: ["ends_at"],
}

export const AdminCreateLoyaltyCampaign = campaignFields.refine(
  (campaign) => campaign.ends_at > campaign.starts_at,
  endsAfterStart
)

export type AdminCreateLoyaltyCampaignType = z.infer<typeof AdminCreateLoyaltyCampaign>

/** Any subset of the campaign's fields; the window is checked against the stored dates too. */
export const AdminUpdateLoyaltyCampaign = campaignFields
  .partial()
  .refine((campaign) => Object.keys(campaign).length > 0, { message: "give at least one field to change" })
  .refine((campaign) => !campaign.starts_at || !campaign.ends_at || campaign.ends_at > campaign.starts_at, endsAfterStart)

export type AdminUpdateLoyaltyCampaignType = z.infer<typeof AdminUpdateLoyaltyCampaign>

export const AdminGetLoyaltyCampaignsParams = z.object({ ...listParams }).strict()
export type AdminGetLoyaltyCampaignsParamsType = z.infer<typeof AdminGetLoyaltyCampaignsParams>

const tierFields = z.object({
  name: z.string().trim().min(1, "name is required").max(100),
  description: z.string().trim().max(1000).nullable(),
  rank: z.number().int().min(0, "rank is 0 or more"),
  threshold: z.number().min(0, "threshold must be 0 or more").max(1e12),
  multiplier: z.number().min(1, "multiplier must be at least 1").max(10, "multiplier must be at most 10"),
  discount_percent: z.number().min(0).max(100, "discount_percent must be between 0 and 100"),
  free_shipping: z.boolean(),
  birthday_bonus_points: z.number().int().min(0).max(1_000_000).nullable(),
  support_priority: z.enum(SUPPORT_PRIORITIES),
})

/** A new tier: name and threshold required. */
export const AdminCreateLoyaltyTier = tierFields
  .partial()
  .required({ name: true, threshold: true })
  .strict()
export type AdminCreateLoyaltyTierType = z.infer<typeof AdminCreateLoyaltyTier>

export const AdminUpdateLoyaltyTier = tierFields.partial().strict()
export type AdminUpdateLoyaltyTierType = z.infer<typeof AdminUpdateLoyaltyTier>
