/** Events the loyalty capability emits, for merchants' own subscribers. */
export const LoyaltyEvents = {
  ACCOUNT_CREATED: "crm.loyalty.account_created",
} as const
