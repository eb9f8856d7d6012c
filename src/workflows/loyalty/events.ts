/** Events the loyalty capability emits, for merchants' own subscribers. */
export const LoyaltyEvents = {
  ACCOUNT_CREATED: "crm.loyalty.account_created",
  POINTS_ADJUSTED: "crm.loyalty.points_adjusted",
  SETTINGS_UPDATED: "crm.loyalty.settings_updated",
  /** A member moved tier: TierChangedEventData (old and new tier). */
  TIER_CHANGED: "crm.loyalty.tier_changed",
} as const
