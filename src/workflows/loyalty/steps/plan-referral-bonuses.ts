import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { bonusPosting } from "../../../modules/loyalty/ledger/bonus-posting"
import type { Posting } from "../../../modules/loyalty/ledger/plan-posting"
import { referralBonusKeys } from "../../../modules/loyalty/referrals"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { CrmModules } from "../../../types/modules"

export const planReferralBonusesStepId = "crm-plan-referral-bonuses"

export type PlanReferralBonusesInput = {
  /** Orders whose points just vested, with their members' accounts. */
  vested: { account_id: string; order_id: string }[]
}

/**
 * Both referral bonuses of each referred member whose order just vested and
 * who has not been paid for yet: a referral pays on the referee's first order
 * that was not cancelled (a cancelled order's points never vest). The keys
 * make it once per referee, whatever the number of orders or retries.
 */
export const planReferralBonusesStep = createStep(
  planReferralBonusesStepId,
  async (input: PlanReferralBonusesInput, { container }) => {
    if (!input.vested.length) {
      return new StepResponse([] as Posting[])
    }
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const settings = await loyalty.loadSettings()
    if (settings.referrer_bonus_points <= 0 && settings.referee_bonus_points <= 0) {
      return new StepResponse([] as Posting[])
    }
    const links = await loyalty.unpaidReferralsOf([...new Set(input.vested.map((v) => v.account_id))])
    const postings: Posting[] = []
    for (const link of links) {
      const order_id = input.vested.find((v) => v.account_id === link.referee_account_id)!.order_id
      const common = {
        source_type: "customer",
        source_id: link.referee_customer_id,
        expiry_months: settings.expiry_months,
        metadata: { order_id, referrer_customer_id: link.referrer_customer_id },
      }
      if (settings.referee_bonus_points > 0) {
        postings.push(
          bonusPosting({
            ...common,
            account_id: link.referee_account_id,
            points: settings.referee_bonus_points,
            idempotency_key: referralBonusKeys.referee(link.referee_customer_id),
            reason: "referral_referee_bonus",
          })
        )
      }
      if (settings.referrer_bonus_points > 0) {
        postings.push(
          bonusPosting({
            ...common,
            account_id: link.referrer_account_id,
            points: settings.referrer_bonus_points,
            idempotency_key: referralBonusKeys.referrer(link.referee_customer_id),
            reason: "referral_referrer_bonus",
          })
        )
      }
    }
    return new StepResponse(postings)
  }
)
