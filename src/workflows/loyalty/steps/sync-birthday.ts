import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type LoyaltyModuleService from "../../../modules/loyalty/service"
import type { LoyaltyAccountDTO } from "../../../types/loyalty"
import { CrmModules } from "../../../types/modules"

export const syncBirthdayStepId = "crm-sync-birthday"

/**
 * Copies the customer's birthday onto the account and stamps when it was
 * entered, only when it changed (so re-delivered updates change nothing).
 */
export const syncBirthdayStep = createStep(
  syncBirthdayStepId,
  async (input: { account: LoyaltyAccountDTO | undefined; birthday: string | null }, { container }) => {
    const { account, birthday } = input
    if (!account || account.birthday === birthday) {
      return new StepResponse(null, null)
    }
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    const previous = { id: account.id, birthday: account.birthday, birthday_set_at: account.birthday_set_at }
    await loyalty.updateLoyaltyAccounts({ id: account.id, birthday, birthday_set_at: birthday ? new Date() : null } as any)
    return new StepResponse(birthday, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    const loyalty: LoyaltyModuleService = container.resolve(CrmModules.LOYALTY)
    await loyalty.updateLoyaltyAccounts(previous as any)
  }
)
