import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ILoyaltyModuleService } from "../../../modules/loyalty/service"
import { CrmModules } from "../../../types/modules"

export const captureReferralStepId = "crm-capture-referral"

/**
 * Links a new member to the member whose referral code they signed up with.
 * An unknown code, their own code or a second code changes nothing.
 */
export const captureReferralStep = createStep(
  captureReferralStepId,
  async (input: { customer_id: string; code: string }, { container }) => {
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const account = await loyalty.retrieveAccountByCustomer(input.customer_id)
    const link = account ? await loyalty.linkReferrer(account.id, input.code) : null
    return new StepResponse(link, link ?? undefined)
  },
  async (link, { container }) => {
    if (!link) return
    const loyalty: ILoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.unlinkReferrer(link.referee_account_id, link.referrer_account_id)
  }
)
