import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyCampaignDTO } from "../../../types/ledger"
import type { LoyaltySettingsDTO } from "../../../types/settings"
import { CrmModules } from "../../../types/modules"

export const loadEarningRulesStepId = "crm-load-earning-rules"

/** When the orders were placed: the campaigns that may apply are those active at some time in between. */
export type LoadEarningRulesInput = { from?: Date | string; until?: Date | string }

/**
 * What earning needs besides the orders: the settings and the active
 * campaigns whose window overlaps [from, until], read together (one step on
 * the per-order path).
 */
export const loadEarningRulesStep = createStep(
  loadEarningRulesStepId,
  async (input: LoadEarningRulesInput, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    if (!input.from || !input.until) {
      return new StepResponse({ settings: await loyalty.loadSettings(), campaigns: [] as LoyaltyCampaignDTO[] })
    }
    const [settings, campaigns] = await Promise.all([
      loyalty.loadSettings(),
      loyalty.listLoyaltyCampaigns(
        { active: true, starts_at: { $lte: new Date(input.until) }, ends_at: { $gt: new Date(input.from) } } as any,
        { order: { starts_at: "DESC" }, take: 500 }
      ),
    ])
    return new StepResponse({
      settings: settings as LoyaltySettingsDTO,
      campaigns: campaigns as unknown as LoyaltyCampaignDTO[],
    })
  }
)
