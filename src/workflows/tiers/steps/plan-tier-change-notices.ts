import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { benefitsOf, byRank } from "../../../modules/loyalty/tiers/ladder"
import { customerLocale, type CrmEmailInput } from "../../email/steps/render-crm-emails"
import { CrmModules } from "../../../types/modules"
import type { LoyaltyTierChangeDTO, TierChangedEventData } from "../../../types/tiers"

export const planTierChangeNoticesStepId = "crm-plan-tier-change-notices"

/**
 * For claimed moves: the `crm.loyalty.tier_changed` payloads (every move),
 * and the upgrade e-mails: moves up from a tier into one above the lowest,
 * when the settings allow, keyed by the move so each goes out once. A first
 * placement (no previous tier: the back-fill after installation) is not an
 * upgrade, so installing the plugin does not e-mail the whole customer base.
 */
export const planTierChangeNoticesStep = createStep(
  planTierChangeNoticesStepId,
  async (changes: LoyaltyTierChangeDTO[], { container }) => {
    if (!changes.length) {
      return new StepResponse({ events: [] as TierChangedEventData[], emails: [] as CrmEmailInput[] })
    }
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const [settings, tiers] = await Promise.all([loyalty.loadSettings(), loyalty.tierLadder()])
    const tierOf = new Map(tiers.map((tier) => [tier.id, tier]))
    const lowest = byRank(tiers)[0]
    const events = changes.map(
      (change): TierChangedEventData => ({
        account_id: change.account_id,
        customer_id: change.customer_id,
        previous_tier_id: change.previous_tier_id,
        tier_id: change.tier_id,
        direction: change.direction,
        previous_tier_name: (change.previous_tier_id && tierOf.get(change.previous_tier_id)?.name) || null,
        tier_name: (change.tier_id && tierOf.get(change.tier_id)?.name) || null,
      })
    )
    const upgrades = settings.tier_upgrade_email
      ? changes.filter(
          (c) => c.direction === "up" && c.previous_tier_id && c.tier_id && tierOf.has(c.tier_id) && c.tier_id !== lowest?.id
        )
      : []
    const customers = upgrades.length
      ? await container
          .resolve(Modules.CUSTOMER)
          .listCustomers({ id: upgrades.map((c) => c.customer_id) }, { select: ["id", "email", "first_name", "metadata"] })
      : []
    const emails: CrmEmailInput[] = []
    for (const change of upgrades) {
      const customer = customers.find((c) => c.id === change.customer_id)
      const tier = tierOf.get(change.tier_id!)!
      if (!customer?.email) {
        continue
      }
      emails.push({
        to: customer.email,
        template: "loyalty-tier-upgraded",
        locale: customerLocale(customer),
        data: {
          first_name: customer.first_name ?? null,
          tier_name: tier.name,
          previous_tier_name: (change.previous_tier_id && tierOf.get(change.previous_tier_id)?.name) || null,
          benefits: { ...benefitsOf(tier), multiplier: tier.multiplier > 1 ? tier.multiplier : null },
        },
        idempotency_key: `crm:loyalty-tier-upgraded:${change.id}`,
        trigger_type: "crm.loyalty.tier_changed",
        resource_id: change.account_id,
        resource_type: "loyalty_account",
        receiver_id: customer.id,
      })
    }
    return new StepResponse({ events, emails })
  }
)
