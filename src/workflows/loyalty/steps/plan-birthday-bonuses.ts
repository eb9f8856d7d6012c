import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { birthdayPays, birthdaysOn } from "../../../modules/loyalty/ledger/birthday"
import { bonusPosting } from "../../../modules/loyalty/ledger/bonus-posting"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyAccountDTO } from "../../../types/loyalty"
import { CrmModules } from "../../../types/modules"

export const planBirthdayBonusesStepId = "crm-plan-birthday-bonuses"

/**
 * The birthday bonus of every member whose birthday is `day`, keyed by
 * customer and year so that it pays once a year. A member's tier may set
 * its own bonus (null: the settings' bonus).
 */
export const planBirthdayBonusesStep = createStep(
  planBirthdayBonusesStepId,
  async (input: { day: Date | string }, { container }) => {
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const settings = await loyalty.loadSettings()
    const day = new Date(input.day)
    const tiers = await loyalty.tierLadder()
    const bonusOf = (tierId: string | null) =>
      tiers.find((tier) => tier.id === tierId)?.birthday_bonus_points ?? settings.birthday_bonus_points
    if (settings.birthday_bonus_points <= 0 && !tiers.some((tier) => (tier.birthday_bonus_points ?? 0) > 0)) {
      return new StepResponse([] as Posting[])
    }
    const accounts = (await loyalty.listLoyaltyAccounts(
      { birthday: birthdaysOn(day) } as any,
      { select: ["id", "customer_id", "birthday_set_at", "tier_id"], take: 100_000 }
    )) as unknown as LoyaltyAccountDTO[]
    const postings: Posting[] = accounts
      .filter((account) => birthdayPays(account.birthday_set_at ? new Date(account.birthday_set_at) : null, day))
      .filter((account) => bonusOf(account.tier_id) > 0)
      .map((account) =>
        bonusPosting({
          account_id: account.id,
          points: bonusOf(account.tier_id),
          idempotency_key: `bonus:birthday:${account.customer_id}:${day.getUTCFullYear()}`,
          reason: "birthday_bonus",
          source_type: "customer",
          source_id: account.customer_id,
          expiry_months: settings.expiry_months,
          at: day,
        })
      )
    return new StepResponse(postings)
  }
)
