import { campaignMultiplier } from "../ledger/campaigns"
import type { LoyaltyCampaignDTO } from "../../../types/ledger"

const campaign = (over: Partial<LoyaltyCampaignDTO>): LoyaltyCampaignDTO => ({
  id: "c",
  name: "Double points",
  multiplier: 2,
  starts_at: "2026-06-01T00:00:00Z",
  ends_at: "2026-07-01T00:00:00Z",
  weekdays: null,
  days_of_month: null,
  tier_ids: null,
  segment_ids: null,
  active: true,
  created_at: "",
  updated_at: "",
  ...over,
})

describe("campaignMultiplier", () => {
  const saturday = new Date("2026-06-06T12:00:00Z")
  const monday = new Date("2026-06-08T12:00:00Z")

  it("applies inside the window only (end excluded)", () => {
    expect(campaignMultiplier([campaign({})], saturday)).toEqual(2)
    expect(campaignMultiplier([campaign({})], new Date("2026-07-01T00:00:00Z"))).toEqual(1)
    expect(campaignMultiplier([campaign({})], new Date("2026-05-31T23:59:59Z"))).toEqual(1)
  })

  it("runs on its weekdays (a weekend) and days of the month (a member day)", () => {
    const weekend = campaign({ weekdays: [0, 6] })
    expect(campaignMultiplier([weekend], saturday)).toEqual(2)
    expect(campaignMultiplier([weekend], monday)).toEqual(1)
    const memberDay = campaign({ days_of_month: [8], multiplier: 3 })
    expect(campaignMultiplier([memberDay], monday)).toEqual(3)
  })

  it("takes the highest multiplier; campaigns do not stack", () => {
    expect(campaignMultiplier([campaign({ multiplier: 2 }), campaign({ multiplier: 1.5 })], saturday)).toEqual(2)
  })

  it("limits to tiers and segments when the campaign lists them", () => {
    const gold = campaign({ tier_ids: ["tier_gold"] })
    expect(campaignMultiplier([gold], saturday, {})).toEqual(1)
    expect(campaignMultiplier([gold], saturday, { tier_id: "tier_gold" })).toEqual(2)
    const vip = campaign({ segment_ids: ["seg_vip"] })
    expect(campaignMultiplier([vip], saturday, { segment_ids: ["seg_other", "seg_vip"] })).toEqual(2)
  })

  it("ignores inactive campaigns", () => {
    expect(campaignMultiplier([campaign({ active: false })], saturday)).toEqual(1)
  })
})
