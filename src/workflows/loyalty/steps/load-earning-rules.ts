import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyCampaignDTO } from "../../../types/ledger"
import type { LoyaltySettingsDTO } from "../../../types/settings"
import type { LoyaltyTierDTO } from "../../../types/tiers"
import { CrmModules } from "../../../types/modules"

export const loadEarningRulesStepId = "crm-load-earning-rules"

/** When the orders were placed: the campaigns that may apply are those active at some time in between. */
export type LoadEarningRulesInput = { from?: Date | string; until?: Date | string; customer_ids?: string[] }

/** The tier each customer holds now (absent: no account or no tier yet). */
export type MemberTiers = Record<string, Pick<LoyaltyTierDTO, "id" | "multiplier">>

/**
 * What earning needs besides the orders: the settings, the active
 * campaigns whose window overlaps [from, until] and the customers' tiers
 * (for the multiplier and tier-only campaigns), read together (one step on
 * the per-order path).
 */
export const loadEarningRulesStep = createStep(
  loadEarningRulesStepId,
  async (input: LoadEarningRulesInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    if (!input.from || !input.until) {
      return new StepResponse({
        settings: await loyalty.loadSettings(),
        campaigns: [] as LoyaltyCampaignDTO[],
        tiers: {} as MemberTiers,
      })
    }
    const customerIds = [...new Set(input.customer_ids ?? [])]
    const [settings, campaigns, tiers] = await Promise.all([
      loyalty.loadSettings(),
      loyalty.listLoyaltyCampaigns(
        { active: true, starts_at: { $lte: new Date(input.until) }, ends_at: { $gt: new Date(input.from) } } as any,
        { order: { starts_at: "DESC" }, take: 500 }
      ),
      memberTiersOf(loyalty, customerIds),
    ])
    return new StepResponse({
      settings: settings as LoyaltySettingsDTO,
      campaigns: campaigns as unknown as LoyaltyCampaignDTO[],
      tiers,
    })
  }
)

async function memberTiersOf(loyalty: LoyaltyModuleService, customerIds: string[]): Promise<MemberTiers> {
  if (!customerIds.length) {
    return {}
  }
  const accounts = (await loyalty.listLoyaltyAccounts(
    { customer_id: customerIds, tier_id: { $ne: null } } as any,
    { select: ["customer_id", "tier_id"] }
  )) as unknown as { customer_id: string; tier_id: string }[]
  if (!accounts.length) {
    return {}
  }
  const tiers = await loyalty.tierLadder()
  const byId = new Map(tiers.map((tier) => [tier.id, tier]))
  return Object.fromEntries(
    accounts
      .filter((account) => byId.has(account.tier_id))
      .map((account) => [account.customer_id, { id: account.tier_id, multiplier: byId.get(account.tier_id)!.multiplier }])
  )
}
