import type { LoyaltyCampaignDTO } from "../../../types/ledger"

export type CampaignAudience = { tier_id?: string | null; segment_ids?: string[] }

/**
 * Whether a campaign runs at `at` (UTC) for this customer: inside its
 * window, on one of its weekdays and days of the month when it lists them,
 * and for the customer's tier or segments when it is limited to some.
 */
export function campaignApplies(campaign: LoyaltyCampaignDTO, at: Date, audience: CampaignAudience): boolean {
  if (!campaign.active) return false
  if (at < new Date(campaign.starts_at) || at >= new Date(campaign.ends_at)) return false
  if (campaign.weekdays?.length && !campaign.weekdays.includes(at.getUTCDay())) return false
  if (campaign.days_of_month?.length && !campaign.days_of_month.includes(at.getUTCDate())) return false
  if (campaign.tier_ids?.length && !(audience.tier_id && campaign.tier_ids.includes(audience.tier_id))) return false
  if (campaign.segment_ids?.length && !campaign.segment_ids.some((id) => audience.segment_ids?.includes(id))) return false
  return true
}

/**
 * The multiplier for an order: the highest of the campaigns that apply
 * (campaigns do not stack), or 1.
 */
export function campaignMultiplier(campaigns: LoyaltyCampaignDTO[], at: Date, audience: CampaignAudience = {}): number {
  return campaigns
    .filter((campaign) => campaignApplies(campaign, at, audience))
    .reduce((best, campaign) => Math.max(best, campaign.multiplier), 1)
}
